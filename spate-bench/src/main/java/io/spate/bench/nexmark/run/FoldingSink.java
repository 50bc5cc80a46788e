package io.spate.bench.nexmark.run;

import io.spate.api.connector.sink.Sink;
import io.spate.api.connector.sink.SinkWriter;
import io.spate.api.connector.sink.WriterInitContext;
import io.spate.bench.nexmark.NexmarkQueries;
import io.spate.bench.nexmark.ResultFold;
import io.spate.bench.nexmark.ResultSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sink of a Nexmark run: each writer folds its rows into the query's {@link ResultFold} and,
 * in latency mode, samples each row's latency as its run's {@link LatencyOrigin} defines it. Writers register with their run (by id, in this
 * JVM), so that the runner combines them once the job has ended.
 */
final class FoldingSink implements Sink<Object> {

  private static final long serialVersionUID = 1L;

  private static final ConcurrentHashMap<String, Run> RUNS = new ConcurrentHashMap<>();

  private final String runId;
  private final String query;
  private final boolean latency;

  /** The writers of one run. */
  static final class Run {
    private final List<Writer> writers = new ArrayList<>();

    synchronized void add(Writer writer) {
      writers.add(writer);
    }

    /** The combined summary of the writers' folds: counts and checksums add. */
    synchronized ResultSummary summary() {
      long count = 0;
      long checksum = 0;
      for (Writer writer : writers) {
        ResultSummary s = writer.fold.summary();
        count += s.count();
        checksum += s.checksum();
      }
      return new ResultSummary(count, checksum);
    }

    synchronized RunResult.Latency latency() {
      List<LatencySamples> parts = new ArrayList<>();
      for (Writer writer : writers) {
        if (writer.samples != null) {
          parts.add(writer.samples);
        }
      }
      return LatencySamples.percentiles(parts);
    }

    synchronized int writerCount() {
      return writers.size();
    }
  }

  FoldingSink(String runId, String query, boolean latency) {
    this.runId = runId;
    this.query = query;
    this.latency = latency;
  }

  /** Starts collecting for the run {@code runId}. */
  static Run open(String runId) {
    Run run = new Run();
    if (RUNS.putIfAbsent(runId, run) != null) {
      throw new IllegalStateException("Run " + runId + " is already open");
    }
    return run;
  }

  /** Stops collecting for the run {@code runId}. */
  static void close(String runId) {
    RUNS.remove(runId);
  }

  @Override
  public SinkWriter<Object> createWriter(WriterInitContext context) {
    Run run = RUNS.get(runId);
    if (run == null) {
      throw new IllegalStateException("The Nexmark sink of run " + runId + " runs outside its runner's JVM");
    }
    Writer writer = new Writer(NexmarkQueries.named(query).newFold(false),
        latency ? new LatencySamples() : null, runId);
    run.add(writer);
    return writer;
  }

  /** Folds one subtask's rows. */
  static final class Writer implements SinkWriter<Object> {
    private final ResultFold<Object> fold;
    private final LatencySamples samples;
    private final String runId;
    private LatencyOrigin origin;

    Writer(ResultFold<Object> fold, LatencySamples samples, String runId) {
      this.fold = fold;
      this.samples = samples;
      this.runId = runId;
    }

    @Override
    public void write(Object row, Context context) {
      if (samples != null) {
        // the row has arrived now: folding it is the benchmark's own work, not the engine's latency
        long arrived = System.nanoTime();
        if (origin == null) {
          origin = LatencyOrigin.forRun(runId);
        }
        long micros = origin.latencyMicros(context.timestamp(), arrived);
        if (micros >= 0) {
          samples.add(micros);
        }
      }
      fold.add(row);
    }

    @Override
    public void flush(boolean endOfInput) {}
  }
}
