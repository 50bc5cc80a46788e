package io.spate.table.runtime.operators.join;

import io.spate.api.annotation.Internal;
import io.spate.api.types.Row;
import io.spate.table.functions.AsyncLookupFunction;
import io.spate.table.functions.FunctionContext;
import io.spate.table.functions.LookupFunction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Runs a synchronous {@link LookupFunction} as an {@link AsyncLookupFunction}: its lookups go, one at
 * a time, to a thread of its own, so that a function that blocks never blocks the task's worker. The
 * queue holds at most as many lookups as the join lets be in flight.
 */
@Internal
public final class ThreadedLookupFunction extends AsyncLookupFunction {

  private static final long serialVersionUID = 1L;

  private final LookupFunction function;
  private final String table;
  private final int capacity;
  private transient ThreadPoolExecutor thread;

  /** Runs {@code function}, which looks up {@code table}, with up to {@code capacity} lookups waiting. */
  public ThreadedLookupFunction(LookupFunction function, String table, int capacity) {
    this.function = function;
    this.table = table;
    this.capacity = capacity;
  }

  @Override
  public void open(FunctionContext context) throws Exception {
    function.open(context);
    thread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(capacity), r -> {
      Thread t = new Thread(r, "spate-lookup (" + table + ")");
      t.setDaemon(true);
      return t;
    });
  }

  @Override
  public CompletableFuture<Collection<Row>> asyncLookup(Row keyRow) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return function.lookup(keyRow);
      } catch (IOException e) {
        throw new UncheckedIOException("The lookup of key " + keyRow + " in table " + table + " failed: "
            + e.getMessage(), e);
      }
    }, thread);
  }

  @Override
  public void close() throws Exception {
    if (thread != null) {
      thread.shutdownNow();
      thread.awaitTermination(5, TimeUnit.SECONDS);
    }
    function.close();
  }
}
