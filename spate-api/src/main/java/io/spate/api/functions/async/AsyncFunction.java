package io.spate.api.functions.async;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.functions.Function;
import java.util.concurrent.TimeoutException;

/**
 * Starts an asynchronous request per record (a database lookup, an HTTP call) and completes the
 * given {@link ResultFuture} when the answer arrives, from any thread. Used with
 * {@code AsyncDataStream.orderedWait} / {@code unorderedWait}.
 *
 * <p>{@code asyncInvoke} runs on the task's thread and must return quickly: hand the request to a
 * client or executor and return. Completing the future later, from the client's thread, is the
 * point of the function.
 *
 * @param <IN> the input type
 * @param <OUT> the output type
 */
@PublicEvolving
public interface AsyncFunction<IN, OUT> extends Function {

  /** Starts the request for {@code input}; completes {@code resultFuture} now or later, exactly once. */
  void asyncInvoke(IN input, ResultFuture<OUT> resultFuture) throws Exception;

  /**
   * Called on the task's thread when the request for {@code input} has not completed within the
   * timeout. By default it fails the request with a {@link TimeoutException}, which fails the job;
   * override it to complete {@code resultFuture} with a fallback instead.
   */
  default void timeout(IN input, ResultFuture<OUT> resultFuture) throws Exception {
    resultFuture.completeExceptionally(new TimeoutException("Async function call has timed out."));
  }
}
