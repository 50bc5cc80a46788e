package io.spate.runtime.metrics;

import io.spate.api.metrics.Gauge;
import io.spate.api.metrics.MetricGroup;
import io.spate.api.metrics.View;
import java.util.function.LongSupplier;

/**
 * Splits a task's wall-clock time into busy, backpressured and idle time, and reports each as
 * milliseconds per second ({@code busyTimeMsPerSecond}, {@code backPressuredTimeMsPerSecond},
 * {@code idleTimeMsPerSecond}, as Flink names them). A task on the cooperative worker pool is busy
 * while a step of it that does work runs on a worker, backpressured from a step that found its output
 * full until its next step, and idle otherwise: waiting for input, or for its worker while other tasks
 * run on it.
 *
 * <p>The task's thread calls {@link #stepStarted} and {@link #stepEnded} around each step (one clock
 * read more per step, so per batch, never per record); other threads read the gauges. A reading
 * includes the step or the backpressured wait still in progress, so a step that takes seconds shows
 * as busy while it runs. The rates are taken over the samples of the last {@link #WINDOW_SECONDS}
 * seconds that the metric registry takes every {@link View#UPDATE_INTERVAL_SECONDS} seconds, and over
 * the time since the task started before the first sample.
 */
public final class TaskTimeAccount {

  /** The seconds over which the rates are averaged. */
  public static final int WINDOW_SECONDS = 60;

  private static final int SAMPLES = WINDOW_SECONDS / View.UPDATE_INTERVAL_SECONDS + 1;

  private final LongSupplier clock;
  // Written by the task's thread only, a few times per step, and read by reporters without a fence,
  // as the task's counters are: a fence per step would cost more than the accounting itself.
  private long busyNanos;
  private long backPressuredNanos;
  private long stepStartNanos;
  private boolean inStep;
  private long lastStepEndNanos;
  private boolean waitingForOutput;

  // The samples the registry's thread takes: a ring of (time, busy, backpressured) totals.
  private final long[] sampleTimes = new long[SAMPLES];
  private final long[] sampleBusy = new long[SAMPLES];
  private final long[] sampleBackPressured = new long[SAMPLES];
  private int samples;
  private int newest;

  /** An account on {@link System#nanoTime()}, starting now. */
  public TaskTimeAccount() {
    this(System::nanoTime);
  }

  /** An account on {@code clock} (nanoseconds), starting now; for tests. */
  public TaskTimeAccount(LongSupplier clock) {
    this.clock = clock;
    long now = clock.getAsLong();
    lastStepEndNanos = now;
    sampleTimes[0] = now;
    samples = 1;
  }

  /** A step of the task starts at {@code nanos} (the task's own reading of the clock). */
  public void stepStarted(long nanos) {
    if (waitingForOutput) {
      backPressuredNanos += Math.max(0, nanos - lastStepEndNanos);
    }
    stepStartNanos = nanos;
    inStep = true;
  }

  /**
   * The step ends: it did work ({@code progress}), or found nothing to do; {@code outputFull} says it
   * stopped because its output had no room, which makes the time until the next step backpressured.
   */
  public void stepEnded(boolean progress, boolean outputFull) {
    long now = clock.getAsLong();
    long duration = Math.max(0, now - stepStartNanos);
    if (outputFull) {
      backPressuredNanos += duration;
    } else if (progress) {
      busyNanos += duration;
    }
    waitingForOutput = outputFull;
    lastStepEndNanos = now;
    inStep = false;
  }

  /** Registers the gauges of this account in {@code group} (a task's group). */
  public void register(MetricGroup group) {
    group.gauge("busyTimeMsPerSecond", new Sampler());
    group.gauge("backPressuredTimeMsPerSecond", (Gauge<Long>) this::backPressuredMsPerSecond);
    group.gauge("idleTimeMsPerSecond", (Gauge<Long>) this::idleMsPerSecond);
    // Spate's tasks never block a thread on a full output: they yield and keep taking mail and
    // checkpoints, which is what Flink calls soft backpressure. Hard backpressure does not occur.
    group.gauge("softBackPressuredTimeMsPerSecond", (Gauge<Long>) this::backPressuredMsPerSecond);
    group.gauge("hardBackPressuredTimeMsPerSecond", (Gauge<Long>) () -> 0L);
    group.gauge("maxHardBackPressureTimeMs", (Gauge<Long>) () -> 0L);
    group.gauge("isBackPressured", (Gauge<Boolean>) () -> waitingForOutput);
  }

  /** Milliseconds per second the task was busy, over the window. */
  public long busyMsPerSecond() {
    return rates()[0];
  }

  /** Milliseconds per second the task was backpressured, over the window. */
  public long backPressuredMsPerSecond() {
    return rates()[1];
  }

  /** Milliseconds per second the task was idle, over the window: the rest of the second. */
  public long idleMsPerSecond() {
    return rates()[2];
  }

  /** Busy, backpressured and idle milliseconds per second since the oldest sample in the window. */
  private long[] rates() {
    long now = clock.getAsLong();
    long busy = busyTotal(now);
    long backPressured = backPressuredTotal(now);
    long fromTime;
    long fromBusy;
    long fromBackPressured;
    synchronized (this) {
      int oldest = Math.floorMod(newest - samples + 1, SAMPLES);
      fromTime = sampleTimes[oldest];
      fromBusy = sampleBusy[oldest];
      fromBackPressured = sampleBackPressured[oldest];
    }
    long elapsed = now - fromTime;
    if (elapsed <= 0) {
      return new long[] {0, 0, 0};
    }
    long busyMs = perSecond(busy - fromBusy, elapsed);
    long backPressuredMs = perSecond(backPressured - fromBackPressured, elapsed);
    return new long[] {busyMs, backPressuredMs, Math.max(0, 1000 - busyMs - backPressuredMs)};
  }

  private static long perSecond(long nanos, long elapsedNanos) {
    long ms = Math.round(nanos * 1000.0 / elapsedNanos);
    return Math.max(0, Math.min(1000, ms));
  }

  private long busyTotal(long now) {
    long total = busyNanos;
    if (inStep) {
      total += Math.max(0, now - stepStartNanos);
    }
    return total;
  }

  private long backPressuredTotal(long now) {
    long total = backPressuredNanos;
    if (!inStep && waitingForOutput) {
      total += Math.max(0, now - lastStepEndNanos);
    }
    return total;
  }

  /** Takes a sample of the totals; called by the registry's thread. */
  synchronized void sample() {
    long now = clock.getAsLong();
    newest = (newest + 1) % SAMPLES;
    sampleTimes[newest] = now;
    sampleBusy[newest] = busyTotal(now);
    sampleBackPressured[newest] = backPressuredTotal(now);
    samples = Math.min(samples + 1, SAMPLES);
  }

  /** The busy gauge, which is also the view through which the registry samples the account. */
  private final class Sampler implements Gauge<Long>, View {
    @Override
    public Long getValue() {
      return busyMsPerSecond();
    }

    @Override
    public void update() {
      sample();
    }
  }
}
