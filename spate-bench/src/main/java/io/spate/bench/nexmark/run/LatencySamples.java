package io.spate.bench.nexmark.run;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A bounded sample of latencies in microseconds: all of them up to the capacity, then a uniform
 * reservoir sample, so that memory stays fixed however long the run. Not thread-safe: one per sink
 * writer, merged at the end.
 */
final class LatencySamples {

  static final int DEFAULT_CAPACITY = 1 << 20;

  private final long[] samples;
  private final SplittableRandom random = new SplittableRandom(42);
  private int size;
  private long seen;

  LatencySamples(int capacity) {
    this.samples = new long[capacity];
  }

  LatencySamples() {
    this(DEFAULT_CAPACITY);
  }

  void add(long micros) {
    seen++;
    if (size < samples.length) {
      samples[size++] = micros;
    } else {
      long slot = random.nextLong(seen);
      if (slot < samples.length) {
        samples[(int) slot] = micros;
      }
    }
  }

  long seen() {
    return seen;
  }

  /**
   * The percentiles of all samples of {@code parts} together, or null if there are none. Parts that
   * saw more values than they kept are weighted alike, which is close enough for a benchmark.
   */
  static RunResult.Latency percentiles(List<LatencySamples> parts) {
    int total = 0;
    for (LatencySamples part : parts) {
      total += part.size;
    }
    if (total == 0) {
      return null;
    }
    long[] all = new long[total];
    int at = 0;
    for (LatencySamples part : parts) {
      System.arraycopy(part.samples, 0, all, at, part.size);
      at += part.size;
    }
    Arrays.sort(all);
    return RunResult.Latency.ofSorted(all);
  }
}
