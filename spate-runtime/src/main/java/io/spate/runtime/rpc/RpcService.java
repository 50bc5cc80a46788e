package io.spate.runtime.rpc;

import java.util.concurrent.CompletableFuture;

/**
 * Registers cluster roles and connects to them by address. The in-process implementation calls
 * them through their main-thread executors; a networked one will send messages instead.
 */
public interface RpcService extends AutoCloseable {

  /** Makes {@code endpoint} reachable at its address. */
  void register(RpcEndpoint endpoint);

  /** Removes {@code endpoint}. */
  void unregister(RpcEndpoint endpoint);

  /**
   * The address under which roles in other processes reach {@code endpoint}: what a role hands out
   * (a TaskExecutor registering, a JobMaster deploying). In one process it is the endpoint's name.
   */
  default String externalAddress(RpcEndpoint endpoint) {
    return endpoint.getAddress();
  }

  /** A gateway to the role at {@code address}. */
  <G extends RpcGateway> CompletableFuture<G> connect(String address, Class<G> gatewayType);

  /** Runs {@code action} on a timer thread after {@code delayMillis}; it must hand off quickly. */
  void schedule(Runnable action, long delayMillis);

  @Override
  void close();
}
