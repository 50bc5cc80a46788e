package io.spate.runtime.rpc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The in-process RPC service: a gateway is a proxy that runs each call on the target endpoint's
 * main thread, exactly as a networked service would deliver a message.
 */
public final class LocalRpcService implements RpcService {

  private final Map<String, RpcEndpoint> endpoints = new ConcurrentHashMap<>();
  private final ScheduledThreadPoolExecutor timer;
  private final boolean copyMessages;

  /** Creates the service; calls pass their arguments and results by reference. */
  public LocalRpcService() {
    this(false);
  }

  /**
   * Creates the service; with {@code copyMessages}, every argument and result is serialized and read
   * back, as a networked service would, so that a cluster in one JVM shows what could not travel
   * between processes.
   */
  public LocalRpcService(boolean copyMessages) {
    this.copyMessages = copyMessages;
    timer = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "spate-rpc-timer");
      t.setDaemon(true);
      return t;
    });
    timer.setRemoveOnCancelPolicy(true);
  }

  @Override
  public void register(RpcEndpoint endpoint) {
    if (endpoints.putIfAbsent(endpoint.getAddress(), endpoint) != null) {
      throw new RpcException("An endpoint is already registered at " + endpoint.getAddress());
    }
  }

  @Override
  public void unregister(RpcEndpoint endpoint) {
    endpoints.remove(endpoint.getAddress(), endpoint);
  }

  @Override
  public <G extends RpcGateway> CompletableFuture<G> connect(String address, Class<G> gatewayType) {
    RpcEndpoint endpoint = endpoints.get(address);
    if (endpoint == null) {
      return CompletableFuture.failedFuture(new RpcException("No endpoint at " + address));
    }
    if (!gatewayType.isInstance(endpoint)) {
      return CompletableFuture.failedFuture(new RpcException(
          "The endpoint at " + address + " is not a " + gatewayType.getSimpleName()));
    }
    return CompletableFuture.completedFuture(gatewayType.cast(
        Proxy.newProxyInstance(gatewayType.getClassLoader(), new Class<?>[] {gatewayType},
            new Invoker(endpoint, copyMessages))));
  }

  @Override
  public void schedule(Runnable action, long delayMillis) {
    if (!timer.isShutdown()) {
      timer.schedule(action, delayMillis, TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }

  private record Invoker(RpcEndpoint endpoint, boolean copyMessages) implements InvocationHandler {
    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      if (method.getDeclaringClass() == Object.class) {
        return switch (method.getName()) {
          case "toString" -> "Gateway(" + endpoint.getAddress() + ")";
          case "hashCode" -> System.identityHashCode(proxy);
          case "equals" -> proxy == args[0];
          default -> throw new UnsupportedOperationException(method.getName());
        };
      }
      if (method.getName().equals("getAddress") && method.getParameterCount() == 0) {
        return endpoint.getAddress();
      }
      if (copyMessages && args != null) {
        args = MessageCopier.copy(args, method, endpoint.getAddress());
      }
      Class<?> returnType = method.getReturnType();
      if (returnType == void.class) {
        Object[] callArgs = args;
        endpoint.dispatch(() -> invokeQuietly(method, callArgs));
        return null;
      }
      if (returnType == CompletableFuture.class) {
        Object[] callArgs = args;
        CompletableFuture<?> result = endpoint.dispatchCall(() -> invokeOrThrow(method, callArgs))
            .thenCompose(r -> (CompletableFuture<?>) r);
        return copyMessages ? result.thenApply(r -> MessageCopier.copy(r, method, endpoint.getAddress())) : result;
      }
      throw new RpcException("Gateway method " + method + " must return void or CompletableFuture");
    }

    private void invokeQuietly(Method method, Object[] args) {
      try {
        method.invoke(endpoint, args);
      } catch (InvocationTargetException e) {
        org.slf4j.LoggerFactory.getLogger(LocalRpcService.class).error(
            "Call {} on {} failed", method.getName(), endpoint.getAddress(), e.getCause());
      } catch (IllegalAccessException e) {
        throw new RpcException("Cannot call " + method, e);
      }
    }

    private Object invokeOrThrow(Method method, Object[] args) {
      try {
        return method.invoke(endpoint, args);
      } catch (InvocationTargetException e) {
        throw new CompletionException(e.getCause());
      } catch (IllegalAccessException e) {
        throw new RpcException("Cannot call " + method, e);
      }
    }
  }
}
