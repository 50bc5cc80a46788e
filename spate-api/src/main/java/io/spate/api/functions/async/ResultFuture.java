package io.spate.api.functions.async;

import io.spate.api.annotation.PublicEvolving;
import java.util.Collection;

/**
 * The pending result of one {@link AsyncFunction} request. It may be completed from any thread;
 * the first completion counts and later ones are ignored.
 *
 * @param <OUT> the output type
 */
@PublicEvolving
public interface ResultFuture<OUT> {

  /** Completes the request with {@code result}: zero or more records, emitted with the input's timestamp. */
  void complete(Collection<OUT> result);

  /** Fails the request; unless a retry strategy retries it, the job fails with {@code error}. */
  void completeExceptionally(Throwable error);
}
