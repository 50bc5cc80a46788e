package io.spate.api.util;

import io.spate.api.annotation.PublicEvolving;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** Something that closes in the background; {@link #close()} waits for it. */
@PublicEvolving
public interface AutoCloseableAsync extends AutoCloseable {

  /** Starts closing; the future completes when closed. */
  CompletableFuture<Void> closeAsync();

  /** Closes and waits; throws what closing failed with. */
  @Override
  default void close() throws Exception {
    try {
      closeAsync().get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof Exception ex ? ex : new FlinkException("Could not close the resource.", cause);
    }
  }
}
