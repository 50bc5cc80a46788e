package io.spate.bench.nexmark.flink;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The pacing start of a rate-limited run, shared by the parallel source subtasks of the one
 * in-process cluster: event time {@code firstEventTime + d} is emitted no earlier than {@code start +
 * d}. Latency is not measured from it but from {@link io.spate.bench.nexmark.run.LatencyOrigin}, as on Spate.
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
