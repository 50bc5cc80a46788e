package io.spate.runtime.rpc;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A cluster role (Dispatcher, JobMaster, ResourceManager, TaskExecutor). Every call into it runs on
 * its single main thread, so its state needs no locks.
 */
public abstract class RpcEndpoint implements RpcGateway, AutoCloseable {

  private static final int MAILBOX_CAPACITY = 65_536;

  /** The service this endpoint is registered with. */
  protected final RpcService rpcService;

  private final String address;
  private final ThreadPoolExecutor mainThread;

  /** Creates the endpoint and registers it under {@code address}. */
  protected RpcEndpoint(RpcService rpcService, String address) {
    this.rpcService = rpcService;
    this.address = address;
    this.mainThread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
        new ArrayBlockingQueue<>(MAILBOX_CAPACITY), r -> {
          Thread t = new Thread(r, "spate-" + address);
          t.setDaemon(true);
          return t;
        });
    rpcService.register(this);
  }

  @Override
  public final String getAddress() {
    return address;
  }

  /** The address under which roles in other processes reach this one; hand this one out. */
  public final String externalAddress() {
    return rpcService.externalAddress(this);
  }

  /** The executor of the main thread. */
  public final Executor getMainThreadExecutor() {
    return this::runAsync;
  }

  /** Runs {@code action} on the main thread. */
  protected final void runAsync(Runnable action) {
    try {
      mainThread.execute(action);
    } catch (RejectedExecutionException e) {
      if (!mainThread.isShutdown()) {
        throw new RpcException("The mailbox of " + address + " is full (" + MAILBOX_CAPACITY + " calls)", e);
      }
    }
  }

  /** Runs {@code action} on the main thread and completes with its result. */
  protected final <T> CompletableFuture<T> callAsync(Supplier<T> action) {
    CompletableFuture<T> result = new CompletableFuture<>();
    try {
      mainThread.execute(() -> {
        try {
          result.complete(action.get());
        } catch (Throwable t) {
          result.completeExceptionally(t);
        }
      });
    } catch (RejectedExecutionException e) {
      result.completeExceptionally(new RpcException("The endpoint " + address + " is not accepting calls", e));
    }
    return result;
  }

  /** Runs {@code action} on the main thread after {@code delayMillis}. */
  protected final void scheduleRunAsync(Runnable action, long delayMillis) {
    rpcService.schedule(() -> runAsync(action), delayMillis);
  }

  /** Executes a gateway invocation on the main thread; used by the RPC service. */
  final void dispatch(Runnable invocation) {
    runAsync(invocation);
  }

  final CompletableFuture<Object> dispatchCall(Supplier<Object> invocation) {
    return callAsync(invocation);
  }

  /** Stops the main thread after the calls already queued; unregisters the endpoint. */
  @Override
  public void close() {
    rpcService.unregister(this);
    mainThread.shutdown();
    try {
      if (!mainThread.awaitTermination(10, TimeUnit.SECONDS)) {
        mainThread.shutdownNow();
      }
    } catch (InterruptedException e) {
      mainThread.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
