package io.spate.bench.nexmark.flink;

import io.spate.bench.nexmark.NexmarkQueries;
import io.spate.bench.nexmark.ResultFold;
import io.spate.bench.nexmark.ResultSummary;
import io.spate.bench.nexmark.run.LatencyOrigin;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.sink.RichSinkFunction;

/**
 * Folds a query's rows into the Spate query's {@link ResultFold} and publishes the summary as the
 * accumulators {@link #COUNT} and {@link #CHECKSUM}, which add up over parallel subtasks. In latency
 * mode it also records each row's latency as its run's {@link LatencyOrigin} defines it, the same
 * definition as Spate's sink.
 */
final class FoldSink extends RichSinkFunction<Object> {

  static final String COUNT = "resultCount";
  static final String CHECKSUM = "resultChecksum";

  /** Latencies in microseconds, one array per finished subtask, for the runner in this JVM. */
  static final ConcurrentLinkedQueue<long[]> LATENCIES = new ConcurrentLinkedQueue<>();

  private final String query;
  private final boolean latency;
  private final String runId;
  private transient ResultFold<Object> fold;
  private transient LongCounter count;
  private transient LongCounter checksum;
  private transient long[] latencies;
  private transient int latencyCount;
  private transient LatencyOrigin origin;

  FoldSink(String query, boolean latency, String runId) {
    this.query = query;
    this.latency = latency;
    this.runId = runId;
  }

  @SuppressWarnings("unchecked")
  static ResultFold<Object> newFold(String name) {
    return (ResultFold<Object>) NexmarkQueries.named(name).newFold(false);
  }

  @Override
  public void open(OpenContext openContext) {
    fold = newFold(query);
    count = getRuntimeContext().getLongCounter(COUNT);
    checksum = getRuntimeContext().getLongCounter(CHECKSUM);
    if (latency) {
      latencies = new long[1024];
      origin = LatencyOrigin.forRun(runId);
    }
  }

  @Override
  public void invoke(Object row, Context context) {
    if (latency) {
      // the row has arrived now: folding it is the benchmark's own work, not the engine's latency
      long arrived = System.nanoTime();
      long micros = origin.latencyMicros(context.timestamp(), arrived);
      if (micros >= 0) {
        if (latencyCount == latencies.length) {
          latencies = Arrays.copyOf(latencies, latencyCount * 2);
        }
        latencies[latencyCount++] = micros;
      }
    }
    fold.add(row);
  }

  @Override
  public void finish() {
    ResultSummary summary = fold.summary();
    count.add(summary.count());
    checksum.add(summary.checksum());
    if (latency) {
      LATENCIES.add(Arrays.copyOf(latencies, latencyCount));
    }
  }
}
