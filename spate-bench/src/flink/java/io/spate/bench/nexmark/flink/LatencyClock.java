package io.spate.bench.nexmark.flink;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The wall-clock origin of a rate-limited run, shared by the sources and sinks of the one in-process
 * cluster: event time {@code firstEventTime + d} is generated at {@code start + d}.
 */
final class LatencyClock {

  private static final AtomicLong START = new AtomicLong();

  private LatencyClock() {}

  /** The origin in {@link System#nanoTime()} terms, fixed by the first caller. */
  static long start() {
    START.compareAndSet(0, System.nanoTime());
    return START.get();
  }

  /** Forgets the origin, for the next run in this JVM. */
  static void reset() {
    START.set(0);
  }
}
