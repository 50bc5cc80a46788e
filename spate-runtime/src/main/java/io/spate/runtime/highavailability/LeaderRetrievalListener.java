package io.spate.runtime.highavailability;

import java.util.Optional;

/** Told which JobManager leads, whenever that changes. */
public interface LeaderRetrievalListener {

  /**
   * The current leader's addresses, or empty when there is none (or ZooKeeper cannot be reached, so it
   * is unknown). Calls come one at a time, in order.
   */
  void leaderChanged(Optional<LeaderAddresses> leader);
}
