package io.spate.bench.nexmark.run;

import io.spate.connectors.nexmark.NexmarkConfiguration;
import io.spate.connectors.nexmark.NexmarkGenerator;
import io.spate.connectors.nexmark.WallClock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one latency definition of a paced Nexmark run, used by the Spate and the Flink runner alike.
 *
 * <p>At rate {@code r} event {@code n} carries the event time {@code firstEventTime + n/r}, in whole
 * milliseconds, and the source emits it when the wall clock, started at {@code firstEventTime}, reaches
 * that time, together with the other events of its millisecond. An identity map chained right after the
 * source calls {@link #observe} for every event; the <em>origin</em> is the smallest {@code now -
 * (eventTime - firstEventTime)} over all of them, the wall-clock time at which event time {@code
 * firstEventTime} was due. A row with timestamp {@code t} that reaches the sink at {@code now} has
 * the latency {@code now - (origin + (min(t, lastEventTime) - firstEventTime))}: the time since its
 * newest possible input was due. Rows stamped after the last event (windows that close only at the
 * end of input) count from the last event, which released them; rows without a timestamp or stamped
 * before the first event are not sampled. Since the events of a millisecond leave together, a row's
 * latency is exact to the clock when its newest input carries the row's timestamp; an event that the
 * generator's disorder stamped earlier than its schedule counts from its stamp.
 *
 * <p>A query whose rows are stamped with processing time (the last millisecond of a processing-time
 * window) is measured from the end of that window by the wall clock, the moment its newest input
 * could still arrive: a row stamped {@code t} that reaches the sink at wall-clock time {@code w}
 * took {@code w - (t + 1 ms)}.
 *
 * <p>Thread-safe. Runs register by id in a JVM-wide table ({@link #open}, {@link #forRun}, {@link
 * #close}) so that the maps and sinks an engine deserializes in the runner's JVM find their run.
 */
public final class LatencyOrigin {

  private static final ConcurrentHashMap<String, LatencyOrigin> RUNS = new ConcurrentHashMap<>();

  private final long firstEventTime;
  private final long lastEventTime;
  private final AtomicLong originNanos = new AtomicLong(Long.MAX_VALUE);
  // Whether rows are stamped with processing time, read by the wall clock epochNanosAtNanoTimeZero + nanoTime.
  private final boolean processingTime;
  private final long epochNanosAtNanoTimeZero;

  /** An origin for events stamped {@code firstEventTime} to {@code lastEventTime} (epoch ms), none observed yet. */
  public LatencyOrigin(long firstEventTime, long lastEventTime) {
    this(firstEventTime, lastEventTime, false, 0);
  }

  private LatencyOrigin(long firstEventTime, long lastEventTime, boolean processingTime,
      long epochNanosAtNanoTimeZero) {
    if (lastEventTime < firstEventTime) {
      throw new IllegalArgumentException("The last event time " + lastEventTime + " lies before the first, "
          + firstEventTime);
    }
    this.firstEventTime = firstEventTime;
    this.lastEventTime = lastEventTime;
    this.processingTime = processingTime;
    this.epochNanosAtNanoTimeZero = epochNanosAtNanoTimeZero;
  }

  /**
   * An origin for rows stamped with processing time, epoch ms, measured by a wall clock that reads
   * {@code epochNanosAtNanoTimeZero + System.nanoTime()}; events are still observed as for event time.
   */
  static LatencyOrigin processingTime(long firstEventTime, long lastEventTime, long epochNanosAtNanoTimeZero) {
    return new LatencyOrigin(firstEventTime, lastEventTime, true, epochNanosAtNanoTimeZero);
  }

  /** An origin for the events of {@code configuration}, from its first event's time to its last's (before disorder). */
  public static LatencyOrigin of(NexmarkConfiguration configuration) {
    return of(configuration, false);
  }

  /** {@link #of(NexmarkConfiguration)}, for rows stamped with processing time if {@code processingTime}. */
  static LatencyOrigin of(NexmarkConfiguration configuration, boolean processingTime) {
    NexmarkGenerator generator = new NexmarkGenerator(configuration);
    long last = configuration.isUnbounded() ? Long.MAX_VALUE
        : generator.scheduledTime(Math.max(0, configuration.numEvents() - 1));
    return processingTime
        ? processingTime(configuration.firstEventTime(), last, epochNanosAtNanoTimeZero())
        : new LatencyOrigin(configuration.firstEventTime(), last);
  }

  /** The wall clock's epoch nanosecond at {@code System.nanoTime()} 0. */
  private static long epochNanosAtNanoTimeZero() {
    long epochMillis = System.currentTimeMillis();
    return epochMillis * 1_000_000L - WallClock.nanoTimeAt(epochMillis);
  }

  /** Registers a new origin for the run {@code runId} in this JVM and returns it. */
  public static LatencyOrigin open(String runId, NexmarkConfiguration configuration) {
    return open(runId, configuration, false);
  }

  /** Registers a new origin for the run {@code runId}, of a query stamped with processing time if {@code processingTime}. */
  public static LatencyOrigin open(String runId, NexmarkConfiguration configuration, boolean processingTime) {
    LatencyOrigin origin = of(configuration, processingTime);
    if (RUNS.putIfAbsent(runId, origin) != null) {
      throw new IllegalStateException("The latency origin of run " + runId + " is already open");
    }
    return origin;
  }

  /** The origin of the run {@code runId}, open from {@link #open} to {@link #close}. */
  public static LatencyOrigin forRun(String runId) {
    LatencyOrigin origin = RUNS.get(runId);
    if (origin == null) {
      throw new IllegalStateException("No latency origin for run " + runId
          + ": the job runs outside its runner's JVM or after the run ended");
    }
    return origin;
  }

  /** Forgets the run {@code runId}. */
  public static void close(String runId) {
    RUNS.remove(runId);
  }

  /** Takes into account an event with time {@code eventTime} emitted at {@code nowNanos} ({@link System#nanoTime()}). */
  public void observe(long eventTime, long nowNanos) {
    long candidate = nowNanos - (eventTime - firstEventTime) * 1_000_000L;
    long current;
    while (candidate < (current = originNanos.get())) {
      if (originNanos.compareAndSet(current, candidate)) {
        return;
      }
    }
  }

  /**
   * The latency in microseconds of a row stamped {@code rowTimestamp} that arrives at {@code
   * nowNanos}, or -1 if the row is not sampled (no timestamp, stamped before the first event, or no
   * event observed yet).
   */
  public long latencyMicros(Long rowTimestamp, long nowNanos) {
    if (processingTime) {
      return rowTimestamp == null ? -1
          : Math.max(0, (epochNanosAtNanoTimeZero + nowNanos - (rowTimestamp + 1) * 1_000_000L) / 1_000);
    }
    long origin = originNanos.get();
    if (rowTimestamp == null || rowTimestamp < firstEventTime || origin == Long.MAX_VALUE) {
      return -1;
    }
    long due = origin + (Math.min(rowTimestamp, lastEventTime) - firstEventTime) * 1_000_000L;
    // the event that released the row passed observe() before the row was made, so now >= due; only
    // out-of-order last events (stamped before lastEventTime) can put due later: those count as 0
    return Math.max(0, (nowNanos - due) / 1_000);
  }

  /** The origin in {@link System#nanoTime()} terms, or {@link Long#MAX_VALUE} before the first event. */
  public long originNanos() {
    return originNanos.get();
  }

  /** The event time that later row timestamps are clamped to, epoch ms. */
  public long lastEventTime() {
    return lastEventTime;
  }
}
