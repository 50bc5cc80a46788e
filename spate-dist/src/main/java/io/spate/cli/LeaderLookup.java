package io.spate.cli;

import io.spate.api.configuration.Configuration;
import io.spate.runtime.highavailability.HighAvailabilityOptions;
import io.spate.runtime.highavailability.LeaderAddresses;
import io.spate.runtime.highavailability.LeaderRetrieval;
import io.spate.runtime.highavailability.ZooKeeperConnection;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Finds the REST API of the leading JobManager of a highly available cluster in its ZooKeeper. */
final class LeaderLookup {

  private LeaderLookup() {}

  /**
   * The base URL of the leader's REST API, waiting up to the ZooKeeper connection timeout for a leader.
   *
   * @throws IOException saying why none was found: ZooKeeper unreachable, or no JobManager leads
   */
  static URI restUrl(Configuration conf) throws IOException, InterruptedException {
    long waitMillis = conf.get(HighAvailabilityOptions.ZOOKEEPER_CONNECTION_TIMEOUT).toMillis();
    String quorum = conf.get(HighAvailabilityOptions.ZOOKEEPER_QUORUM);
    try (ZooKeeperConnection zooKeeper = ZooKeeperConnection.connect(conf);
        LeaderRetrieval retrieval = new LeaderRetrieval(zooKeeper)) {
      CompletableFuture<LeaderAddresses> leader = new CompletableFuture<>();
      retrieval.start((Optional<LeaderAddresses> current) -> current.ifPresent(leader::complete));
      return URI.create(leader.get(waitMillis, TimeUnit.MILLISECONDS).restAddress());
    } catch (TimeoutException e) {
      throw new IOException("No JobManager of cluster '" + conf.get(HighAvailabilityOptions.CLUSTER_ID)
          + "' leads in ZooKeeper at " + quorum + " (waited " + waitMillis + " ms); start one, or give its REST"
          + " address with -m <host:port>");
    } catch (ExecutionException e) {
      throw new IOException("Cannot read the leading JobManager from ZooKeeper at " + quorum + ": " + e.getCause(), e);
    }
  }
}
