package io.spate.bench.nexmark.run;

import io.spate.bench.nexmark.NexmarkQuery;
import io.spate.bench.nexmark.ResultFold;
import io.spate.connectors.nexmark.Event;
import io.spate.connectors.nexmark.NexmarkGenerator;

/**
 * Runs a query's single-threaded baseline over the generator's events (generation included in the
 * time, as for the engines) and folds its rows: the cost of the work itself, with no framework.
 * {@code --parallelism}, the state backend and checkpointing do not apply.
 */
public final class BaselineNexmarkRunner {

  private BaselineNexmarkRunner() {}

  /** The protocol's entry point; see {@link RunnerOptions}. */
  public static void main(String[] args) {
    RunnerMain.main("baseline", args, BaselineNexmarkRunner::run);
  }

  /** Runs the baseline in this thread and returns its measurement. */
  public static RunResult run(RunnerOptions options) {
    NexmarkQuery<Object> query = options.nexmarkQuery();
    NexmarkGenerator generator = new NexmarkGenerator(options.configuration());
    long events = options.events();
    Iterable<Event> all = () -> generator.iterator(0, events);
    ResultFold<Object> fold = query.newFold(false);
    long cpu0 = ProcessMeter.processCpuNanos();
    long t0 = System.nanoTime();
    query.baseline(all, fold::add);
    var summary = fold.summary();
    long elapsed = System.nanoTime() - t0;
    long cpu = ProcessMeter.processCpuNanos() - cpu0;
    return RunResult.measured("baseline", query.name(), events, elapsed, cpu, ProcessMeter.peakRssKiB(), summary,
        null);
  }
}
