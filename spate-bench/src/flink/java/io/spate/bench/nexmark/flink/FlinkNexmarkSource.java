package io.spate.bench.nexmark.flink;

import io.spate.connectors.nexmark.Event;
import io.spate.connectors.nexmark.NexmarkConfiguration;
import io.spate.connectors.nexmark.NexmarkGenerator;
import java.util.concurrent.locks.LockSupport;
import org.apache.flink.streaming.api.functions.source.RichParallelSourceFunction;

/**
 * A parallel Flink source over {@link NexmarkGenerator}: subtask i of p emits event numbers i, i + p,
 * ... below the configured count, the same strided split as Spate's {@code NexmarkSource}. When the
 * configuration is rate limited, event n is emitted no earlier than {@link
 * NexmarkGenerator#dueNanosAfterOrigin} after {@link LatencyClock#start}, the schedule of Spate's
 * source, so that event time and wall time advance together; it waits by parking, to the same timer
 * resolution as Spate's source.
 */
public final class FlinkNexmarkSource extends RichParallelSourceFunction<Event> {

  private final NexmarkConfiguration config;
  private volatile boolean running = true;

  /** A source of the events of {@code config}. */
  public FlinkNexmarkSource(NexmarkConfiguration config) {
    this.config = config;
  }

  @Override
  public void run(SourceContext<Event> ctx) throws Exception {
    NexmarkGenerator generator = new NexmarkGenerator(config);
    int subtask = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
    int stride = getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks();
    long end = config.numEvents();
    boolean limited = config.rateLimited();
    long startNanos = limited ? LatencyClock.start() : 0;
    Object lock = ctx.getCheckpointLock();
    for (long n = subtask; n < end && running; n += stride) {
      if (limited) {
        // park, as Spate's reader does: a sleep rounds any wait up to a whole millisecond, which
        // would hand Flink's sources a coarser pace (bursts a millisecond apart) than Spate's
        long due = startNanos + generator.dueNanosAfterOrigin(n);
        for (long wait = due - System.nanoTime(); wait > 0 && running; wait = due - System.nanoTime()) {
          LockSupport.parkNanos(wait);
        }
      }
      Event event = generator.eventAt(n);
      synchronized (lock) {
        ctx.collect(event);
      }
    }
  }

  @Override
  public void cancel() {
    running = false;
  }
}
