package io.spate.runtime.tasks;

import io.spate.api.configuration.Configuration;
import io.spate.api.dag.Transformation;
import io.spate.api.execution.ExecutionOptions;
import io.spate.runtime.graph.JobEdge;
import io.spate.runtime.graph.JobVertex;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * When a task hands its partly filled batches over: when the last hand-over is older than the
 * buffer timeout, however busy the task is, and sooner once its input runs dry. A dry task hands
 * over at once if its last hand-over is at least the idle delay old (so the first record after a
 * quiet spell goes out at once), else when that delay has passed, which its worker is asked to wake
 * for. A task with nothing to hand over asks for no wake-up: an idle task would otherwise wake every
 * idle delay for nothing, taking the CPU from the tasks that have work.
 */
final class FlushSchedule {

  private final long bufferTimeoutNanos;
  // How long a dry task may hold a partly filled batch after its last hand-over: a producer whose
  // input trickles in (a paced source, 1 record per 20 us) handed each record over alone, and the
  // consumers' workers woke for every one of them (both cores busy at 100 K records/s).
  private final long idleDelayNanos;
  private long lastFlushNanos;

  /** A schedule that holds a batch at most {@code bufferTimeoutNanos}, and {@code idleDelayNanos} when dry. */
  FlushSchedule(long bufferTimeoutNanos, long idleDelayNanos) {
    this.bufferTimeoutNanos = bufferTimeoutNanos;
    this.idleDelayNanos = Math.min(bufferTimeoutNanos, idleDelayNanos);
  }

  /**
   * Whether the task hands its batches over at the step that started at {@code nowNanos}; if so, the
   * hand-over counts as done then.
   *
   * @param inputProgress whether the step took input
   * @param pending whether a batch is partly filled
   * @param wakeBy where a dry task with a pending batch names the time to be stepped again, or null
   *     if no worker steps it (then it hands over at once)
   */
  boolean flushNow(long nowNanos, boolean inputProgress, boolean pending, LongConsumer wakeBy) {
    boolean due = nowNanos - lastFlushNanos > bufferTimeoutNanos
        || (!inputProgress && pending && idleFlushDue(nowNanos, wakeBy));
    if (due) {
      lastFlushNanos = nowNanos;
    }
    return due;
  }

  private boolean idleFlushDue(long nowNanos, LongConsumer wakeBy) {
    long due = lastFlushNanos + idleDelayNanos;
    if (nowNanos - due >= 0 || wakeBy == null) {
      return true;
    }
    wakeBy.accept(due);
    return false;
  }

  /**
   * The buffer timeout of the task of {@code vertex}, in nanoseconds (Long.MAX_VALUE when only full
   * batches go out): the smallest of those of the operators whose output leaves the task, each its
   * own ({@code setBufferTimeout} on the operator) or else the job's. A task hands all its batches
   * over at once, so no output is held longer than its operator allows.
   */
  static long bufferTimeoutNanos(JobVertex vertex, Configuration conf) {
    long job = conf.get(ExecutionOptions.BUFFER_TIMEOUT_ENABLED)
        ? conf.get(ExecutionOptions.BUFFER_TIMEOUT).toNanos() : Long.MAX_VALUE;
    if (vertex.getOutputs().isEmpty()) {
      return job;
    }
    long timeout = Long.MAX_VALUE;
    for (JobEdge output : vertex.getOutputs()) {
      long own = output.streamEdge().source().getTransformation().getBufferTimeout();
      long nanos = own == Transformation.UNSET_BUFFER_TIMEOUT ? job
          : own == -1 ? Long.MAX_VALUE : TimeUnit.MILLISECONDS.toNanos(own);
      timeout = Math.min(timeout, nanos);
    }
    return timeout;
  }
}
