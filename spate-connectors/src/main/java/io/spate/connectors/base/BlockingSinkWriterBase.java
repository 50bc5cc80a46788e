package io.spate.connectors.base;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An {@link AsyncSinkWriterBase} for a client whose calls block (a JDBC driver, a synchronous
 * HTTP client): each batch is written by {@link #writeBatch} on one of the writer's own threads,
 * as many as requests may be in flight, never on a task's worker.
 *
 * @param <InputT> the element type
 */
public abstract class BlockingSinkWriterBase<InputT> extends AsyncSinkWriterBase<InputT> {

  private final ThreadPoolExecutor threads;

  /** A writer of sink {@code sinkName} with threads named for it and subtask {@code subtask}. */
  protected BlockingSinkWriterBase(String sinkName, int subtask, AsyncSinkWriterOptions options) {
    super(sinkName, options);
    int size = options.maxInFlightRequests();
    AtomicInteger created = new AtomicInteger();
    // At most maxInFlightRequests batches are ever submitted at once, so the queue never fills.
    this.threads = new ThreadPoolExecutor(size, size, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(size), r -> {
      Thread thread = new Thread(r, "spate-" + sinkName + "-writer-" + created.getAndIncrement()
          + " (subtask " + subtask + ")");
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Writes {@code batch} with the blocking client; throwing fails this attempt of the request. */
  protected abstract void writeBatch(List<InputT> batch) throws Exception;

  @Override
  protected final CompletionStage<Void> submit(List<InputT> batch) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    threads.execute(() -> {
      try {
        writeBatch(batch);
        done.complete(null);
      } catch (Throwable t) {
        done.completeExceptionally(t);
      }
    });
    return done;
  }

  /** Stops the writer's threads, interrupting a write that blocks, and waits briefly for them to end. */
  @Override
  public void close() throws Exception {
    threads.shutdownNow();
    if (!threads.awaitTermination(5, TimeUnit.SECONDS)) {
      throw new IllegalStateException("Sink writer threads did not end within 5 s of closing: a writeBatch call"
          + " ignores interruption");
    }
  }
}
