package io.spate.runtime.highavailability;

import java.util.UUID;

/**
 * A JobManager competing for leadership. Its callbacks come one at a time, in order, from the election's
 * own thread, so they may block briefly (for example to start or stop the Dispatcher).
 */
public interface LeaderContender {

  /** This contender leads now, for the term {@code leaderSessionId}; its addresses are published after this returns. */
  void grantLeadership(UUID leaderSessionId);

  /** This contender no longer leads (another may already), so it must stop acting as the leader. */
  void revokeLeadership();

  /** The election failed in a way it cannot recover from; the contender should stop its process. */
  default void handleError(Throwable error) {}
}
