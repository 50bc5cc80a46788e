package io.spate.api.connector.sink;

import io.spate.api.annotation.PublicEvolving;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link SinkWriter} that can say "not now" without blocking: while the future that {@link
 * #isAvailable()} returns is incomplete, the task hands its chain no more input (it yields its
 * worker to other tasks and keeps taking checkpoints). Records already on their way, at most one
 * input batch, may still arrive, so a writer must accept them, typically into a bounded buffer
 * whose limit is what turns it unavailable.
 */
@PublicEvolving
public interface SupportsBackpressure {

  /** Complete while the writer takes records; otherwise completes when it takes them again. */
  CompletableFuture<Void> isAvailable();
}
