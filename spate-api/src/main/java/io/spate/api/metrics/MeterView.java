package io.spate.api.metrics;

import io.spate.api.annotation.PublicEvolving;
import java.util.function.LongSupplier;

/**
 * A meter computed from a counter: every {@link View#UPDATE_INTERVAL_SECONDS} seconds the registry
 * samples the count, and the rate is the growth of the count over the samples of the last time span
 * divided by the time between them. Marking an event costs what incrementing the counter costs.
 */
@PublicEvolving
public final class MeterView implements Meter, View {

  /** The time span of a meter made without one, in seconds. */
  public static final int DEFAULT_TIME_SPAN_SECONDS = 60;

  private final Counter counter;
  private final LongSupplier nanoClock;
  // The samples taken (time in ns, count) in a ring; only the registry's thread writes them.
  private final long[] times;
  private final long[] counts;
  private int newest;
  private int samples;
  private volatile double rate;

  /** A meter with its own counter over {@link #DEFAULT_TIME_SPAN_SECONDS}. */
  public MeterView() {
    this(new SimpleCounter(), DEFAULT_TIME_SPAN_SECONDS);
  }

  /** A meter with its own counter over the last {@code timeSpanInSeconds}. */
  public MeterView(int timeSpanInSeconds) {
    this(new SimpleCounter(), timeSpanInSeconds);
  }

  /** A meter of the events that {@code counter} counts, over the last {@code timeSpanInSeconds}. */
  public MeterView(Counter counter, int timeSpanInSeconds) {
    this(counter, timeSpanInSeconds, System::nanoTime);
  }

  /**
   * A meter of the events that {@code counter} counts, over the last {@code timeSpanInSeconds}, with
   * time read from {@code nanoClock} (in nanoseconds, as {@link System#nanoTime()}).
   *
   * @throws IllegalArgumentException if the time span is shorter than the update interval
   */
  public MeterView(Counter counter, int timeSpanInSeconds, LongSupplier nanoClock) {
    if (counter == null || nanoClock == null) {
      throw new IllegalArgumentException("A MeterView needs a counter and a clock");
    }
    if (timeSpanInSeconds < UPDATE_INTERVAL_SECONDS) {
      throw new IllegalArgumentException("The time span of a MeterView must be at least "
          + UPDATE_INTERVAL_SECONDS + " s (its update interval); got " + timeSpanInSeconds + " s");
    }
    this.counter = counter;
    this.nanoClock = nanoClock;
    int length = (timeSpanInSeconds + UPDATE_INTERVAL_SECONDS - 1) / UPDATE_INTERVAL_SECONDS + 1;
    this.times = new long[length];
    this.counts = new long[length];
    times[0] = nanoClock.getAsLong();
    counts[0] = counter.getCount();
    samples = 1;
  }

  @Override
  public void markEvent() {
    counter.inc();
  }

  @Override
  public void markEvent(long n) {
    counter.inc(n);
  }

  @Override
  public long getCount() {
    return counter.getCount();
  }

  @Override
  public double getRate() {
    return rate;
  }

  @Override
  public void update() {
    long now = nanoClock.getAsLong();
    long count = counter.getCount();
    newest = (newest + 1) % times.length;
    times[newest] = now;
    counts[newest] = count;
    samples = Math.min(samples + 1, times.length);
    int oldest = (newest - samples + 1 + times.length) % times.length;
    long elapsed = now - times[oldest];
    rate = elapsed <= 0 ? 0.0 : (count - counts[oldest]) * 1_000_000_000.0 / elapsed;
  }
}
