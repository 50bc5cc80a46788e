package io.spate.runtime.operators.async;

import io.spate.api.functions.async.AsyncFunction;
import io.spate.api.functions.async.ResultFuture;
import java.util.ArrayList;
import java.util.List;

/** An async function whose requests the test completes by hand, in any order it likes. */
final class ManualAsyncFunction implements AsyncFunction<Integer, String> {

  /** One request: its input and its future. */
  record Request(int input, ResultFuture<String> future) {
    void answer() {
      future.complete(List.of("r" + input));
    }
  }

  final List<Request> pending = new ArrayList<>();
  int invocations;
  int maxPending;

  @Override
  public void asyncInvoke(Integer input, ResultFuture<String> resultFuture) {
    invocations++;
    pending.add(new Request(input, resultFuture));
    maxPending = Math.max(maxPending, pending.size());
  }

  /** Completes and forgets the pending request at {@code index}. */
  Request answer(int index) {
    Request request = pending.remove(index);
    request.answer();
    return request;
  }
}
