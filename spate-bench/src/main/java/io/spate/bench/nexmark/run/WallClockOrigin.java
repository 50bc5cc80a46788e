package io.spate.bench.nexmark.run;

import io.spate.api.functions.MapFunction;
import io.spate.connectors.nexmark.Event;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Maps event times of a rate-limited run to the wall-clock times at which the source was due to
 * emit them. At rate {@code r} the generator gives event {@code n} the time {@code first + n/r}
 * and the source emits it no earlier than {@code origin + n/r}, so the origin is the smallest
 * {@code now - (eventTime - first)} over all emitted events; this identity map, chained right
 * after the source, keeps that minimum per run. Event times have millisecond resolution, so a
 * latency computed from them may overstate the true one by up to a millisecond.
 */
final class WallClockOrigin implements MapFunction<Event, Event> {

  private static final long serialVersionUID = 1L;

  private static final ConcurrentHashMap<String, Origin> ORIGINS = new ConcurrentHashMap<>();

  private final String runId;
  private final long firstEventTime;
  private transient Origin origin;

  /** The origin of one run: nanoTime at event time {@code first}. */
  static final class Origin {
    final long firstEventTime;
    final AtomicLong nanos = new AtomicLong(Long.MAX_VALUE);

    Origin(long firstEventTime) {
      this.firstEventTime = firstEventTime;
    }

    void observe(long eventTime, long nowNanos) {
      long candidate = nowNanos - (eventTime - firstEventTime) * 1_000_000L;
      long current;
      while (candidate < (current = nanos.get())) {
        if (nanos.compareAndSet(current, candidate)) {
          return;
        }
      }
    }

    /**
     * The latency in microseconds of a row with timestamp {@code rowTimestamp} arriving at {@code
     * nowNanos}, or -1 if it arrived more than a millisecond before its timestamp was due: the end of
     * input fired it.
     */
    long latencyMicros(long rowTimestamp, long nowNanos) {
      long due = nanos.get() + (rowTimestamp - firstEventTime) * 1_000_000L;
      // events are emitted no earlier than due, so only rows that the end of input fired (windows
      // ending after the last event) arrive before their due time: they have no latency to measure
      return nowNanos < due - 1_000_000L ? -1 : Math.max(0, (nowNanos - due) / 1_000);
    }
  }

  WallClockOrigin(String runId, long firstEventTime) {
    this.runId = runId;
    this.firstEventTime = firstEventTime;
  }

  /** Starts tracking the origin of the run {@code runId}. */
  static void open(String runId, long firstEventTime) {
    ORIGINS.put(runId, new Origin(firstEventTime));
  }

  static void close(String runId) {
    ORIGINS.remove(runId);
  }

  /** The origin of run {@code runId}, open from {@link #open} to {@link #close}. */
  static Origin origin(String runId) {
    return ORIGINS.get(runId);
  }

  @Override
  public Event map(Event event) {
    if (origin == null) {
      origin = ORIGINS.get(runId);
    }
    origin.observe(event.dateTime(), System.nanoTime());
    return event;
  }
}
