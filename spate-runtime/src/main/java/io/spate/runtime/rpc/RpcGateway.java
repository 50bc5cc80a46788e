package io.spate.runtime.rpc;

/**
 * The remote face of a cluster role. Methods return {@link java.util.concurrent.CompletableFuture}
 * (request-response) or void (fire-and-forget), and always run on the role's main thread.
 */
public interface RpcGateway {

  /** The address under which the role is registered. */
  String getAddress();
}
