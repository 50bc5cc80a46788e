package io.spate.cli;

import io.spate.api.common.JobClient;
import io.spate.api.common.JobExecutionResult;
import io.spate.api.execution.JobListener;
import io.spate.runtime.minicluster.ClusterJobClient;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Tells the user of {@code spate run} the id of each job and where its REST API is, and lets the
 * CLI wait for the jobs' clusters to stop before the process exits, so that a client that stopped a
 * job with a savepoint still gets its answer.
 */
final class JobAnnouncer {

  // Bounds the wait for a cluster to stop; it stops at once unless a savepoint outcome is unfetched.
  private static final long MAX_WAIT_SECONDS = 15;

  private final PrintWriter err;
  private final List<CompletableFuture<Void>> clusters = new CopyOnWriteArrayList<>();

  JobAnnouncer(PrintWriter err) {
    this.err = err;
  }

  JobListener listener() {
    return new JobListener() {
      @Override
      public void onJobSubmitted(JobClient client, Throwable error) {
        if (!(client instanceof ClusterJobClient cluster)) {
          return;
        }
        clusters.add(cluster.clusterStopped());
        if (cluster.restUrl() != null) {
          err.println("Job '" + cluster.jobName() + "' (" + client.getJobID() + ") is running; REST API at "
              + cluster.restUrl() + " (spate list / savepoint / stop / cancel -m " + hostPort(cluster.restUrl())
              + ")." + webUi(cluster.restUrl()));
          err.flush();
        }
      }

      @Override
      public void onJobExecuted(JobExecutionResult result, Throwable error) {}
    };
  }

  /** Where the web UI of a REST API at {@code url} is, when spate-dist's UI files are on the class path. */
  private static String webUi(String url) {
    boolean present = JobAnnouncer.class.getClassLoader().getResource("spate-web/index.html") != null;
    return present ? " Web UI: " + url + "/" : "";
  }

  private static String hostPort(String url) {
    return url.substring(url.indexOf("://") + 3);
  }

  /** Waits, a bounded time, until the clusters of the announced jobs have stopped. */
  void awaitClustersStopped() {
    try {
      CompletableFuture.allOf(clusters.toArray(CompletableFuture[]::new)).get(MAX_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      // A cluster that does not stop in time stops with the process.
    }
  }
}
