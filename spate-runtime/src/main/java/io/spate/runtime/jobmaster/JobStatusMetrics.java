package io.spate.runtime.jobmaster;

import io.spate.api.common.JobStatus;
import io.spate.api.metrics.Gauge;
import io.spate.api.metrics.MetricGroup;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * The availability metrics of a job on the JobManager, as Flink defines them: {@code uptime} (ms the
 * job has been running since it last started or restarted; 0 while it is not running, -1 once it
 * ended), {@code downtime} (ms of the current outage while it fails or restarts; 0 while it runs, -1
 * once it ended), {@code restartingTime} (ms the latest restart took, or has taken so far) and
 * {@code numRestarts} (restarts of the whole job and of its regions since it was submitted). The
 * JobMaster's main thread reports the job's status changes; reporters read from their own threads.
 */
final class JobStatusMetrics {

  private final LongSupplier clockMillis;
  private volatile JobStatus status = JobStatus.CREATED;
  private volatile long runningSince = -1;
  private volatile long outageSince = -1;
  private volatile long restartingSince = -1;
  private volatile long lastRestartMillis;

  /** Metrics on the wall clock. */
  JobStatusMetrics() {
    this(System::currentTimeMillis);
  }

  /** Metrics on {@code clockMillis}; for tests. */
  JobStatusMetrics(LongSupplier clockMillis) {
    this.clockMillis = clockMillis;
  }

  /** The job's status is now {@code newStatus}. */
  void statusChanged(JobStatus newStatus) {
    long now = clockMillis.getAsLong();
    JobStatus previous = status;
    if (newStatus == JobStatus.RUNNING && previous != JobStatus.RUNNING) {
      runningSince = now;
      outageSince = -1;
      if (previous == JobStatus.RESTARTING && restartingSince >= 0) {
        lastRestartMillis = now - restartingSince;
        restartingSince = -1;
      }
    } else if (newStatus == JobStatus.RESTARTING || newStatus == JobStatus.FAILING) {
      if (outageSince < 0) {
        outageSince = now;
      }
      if (newStatus == JobStatus.RESTARTING) {
        restartingSince = now;
      }
    }
    status = newStatus;
  }

  /** Registers the gauges in {@code group}; {@code restarts} counts the restarts so far. */
  void register(MetricGroup group, IntSupplier restarts) {
    group.gauge("uptime", (Gauge<Long>) this::uptime);
    group.gauge("downtime", (Gauge<Long>) this::downtime);
    group.gauge("restartingTime", (Gauge<Long>) this::restartingTime);
    group.gauge("numRestarts", (Gauge<Long>) () -> (long) restarts.getAsInt());
  }

  long uptime() {
    JobStatus current = status;
    if (current.isTerminal()) {
      return -1;
    }
    return current == JobStatus.RUNNING ? Math.max(0, clockMillis.getAsLong() - runningSince) : 0;
  }

  long downtime() {
    JobStatus current = status;
    if (current.isTerminal()) {
      return -1;
    }
    long since = outageSince;
    return current == JobStatus.RUNNING || since < 0 ? 0 : Math.max(0, clockMillis.getAsLong() - since);
  }

  long restartingTime() {
    long since = restartingSince;
    return since >= 0 && !status.isTerminal() ? Math.max(0, clockMillis.getAsLong() - since) : lastRestartMillis;
  }
}
