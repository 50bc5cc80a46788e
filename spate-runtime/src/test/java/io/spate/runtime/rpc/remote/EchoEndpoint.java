package io.spate.runtime.rpc.remote;

import io.spate.runtime.rpc.RpcEndpoint;
import io.spate.runtime.rpc.RpcService;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The endpoint behind {@link EchoGateway}; its state is touched only on its main thread. */
public final class EchoEndpoint extends RpcEndpoint implements EchoGateway {

  private final List<Integer> recorded = new ArrayList<>();
  private boolean offMainThread;

  /** Creates and registers the endpoint under {@code name}. */
  public EchoEndpoint(RpcService rpcService, String name) {
    super(rpcService, name);
  }

  private void checkThread() {
    if (!Thread.currentThread().getName().equals("spate-" + getAddress())) {
      offMainThread = true;
    }
  }

  @Override
  public CompletableFuture<String> echo(String text) {
    checkThread();
    return CompletableFuture.completedFuture(text + " from " + getAddress());
  }

  @Override
  public void record(int sequence) {
    checkThread();
    recorded.add(sequence);
  }

  @Override
  public CompletableFuture<List<Integer>> recorded() {
    checkThread();
    return CompletableFuture.completedFuture(new ArrayList<>(recorded));
  }

  @Override
  public CompletableFuture<Boolean> allOnMainThread() {
    checkThread();
    return CompletableFuture.completedFuture(!offMainThread);
  }

  @Override
  public CompletableFuture<String> fail(String message) {
    throw new IllegalStateException(message);
  }

  @Override
  public CompletableFuture<String> describe(Object value) {
    return CompletableFuture.completedFuture(value == null ? "null" : value.getClass().getName());
  }

  @Override
  public CompletableFuture<Object> file() {
    return CompletableFuture.completedFuture(new File("secret"));
  }

  @Override
  public CompletableFuture<Integer> size(byte[] payload) {
    return CompletableFuture.completedFuture(payload.length);
  }

  @Override
  public CompletableFuture<String> failWithLibraryException() {
    throw new IllegalArgumentException("outer",
        io.grpc.Status.NOT_FOUND.withDescription("gone").asRuntimeException());
  }

  @Override
  public CompletableFuture<String> never() {
    return new CompletableFuture<>();
  }
}
