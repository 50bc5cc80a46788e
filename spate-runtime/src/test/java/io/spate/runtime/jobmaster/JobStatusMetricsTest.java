package io.spate.runtime.jobmaster;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.JobStatus;
import org.junit.jupiter.api.Test;

/** Uptime, downtime and restarting time as a job runs, restarts and ends, on a clock the test moves. */
class JobStatusMetricsTest {

  private long now = 10_000;
  private final JobStatusMetrics metrics = new JobStatusMetrics(() -> now);

  @Test
  void uptimeRestartsWithTheJobAndTheOutageIsDowntime() {
    assertThat(metrics.uptime()).isZero();
    metrics.statusChanged(JobStatus.RUNNING);
    now += 1_000;
    assertThat(metrics.uptime()).isEqualTo(1_000);
    assertThat(metrics.downtime()).isZero();
    assertThat(metrics.restartingTime()).isZero();

    metrics.statusChanged(JobStatus.RESTARTING);
    now += 400;
    assertThat(metrics.uptime()).isZero();
    assertThat(metrics.downtime()).isEqualTo(400);
    assertThat(metrics.restartingTime()).as("the restart in progress").isEqualTo(400);

    metrics.statusChanged(JobStatus.RUNNING);
    now += 250;
    assertThat(metrics.uptime()).isEqualTo(250);
    assertThat(metrics.downtime()).isZero();
    assertThat(metrics.restartingTime()).as("the latest restart").isEqualTo(400);

    metrics.statusChanged(JobStatus.CANCELLING);
    assertThat(metrics.uptime()).isZero();
    metrics.statusChanged(JobStatus.CANCELED);
    assertThat(metrics.uptime()).isEqualTo(-1);
    assertThat(metrics.downtime()).isEqualTo(-1);
    assertThat(metrics.restartingTime()).isEqualTo(400);
  }

  @Test
  void aFailingJobIsDownFromTheMomentItFails() {
    metrics.statusChanged(JobStatus.RUNNING);
    now += 100;
    metrics.statusChanged(JobStatus.FAILING);
    now += 30;
    assertThat(metrics.downtime()).isEqualTo(30);
    assertThat(metrics.uptime()).isZero();
  }
}
