package io.spate.runtime.rpc.remote;

import io.spate.runtime.rpc.ClusterSerialization;
import com.google.protobuf.ByteString;
import io.spate.runtime.rpc.RpcException;
import io.spate.runtime.rpc.remote.proto.Call;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The invocation handler of a gateway proxy to an endpoint in another process: turns each method
 * call into a {@link Call} on the connection to that process. {@code void} methods are
 * fire-and-forget (a failure to deliver is logged here, a failure of the method there), methods
 * returning {@link CompletableFuture} complete with the remote result or exception.
 */
final class RemoteInvoker implements InvocationHandler {

  private static final Logger LOG = LoggerFactory.getLogger(RemoteInvoker.class);

  private final GrpcRpcService service;
  private final RemoteAddress address;
  private final Class<?> gatewayType;

  RemoteInvoker(GrpcRpcService service, RemoteAddress address, Class<?> gatewayType) {
    this.service = service;
    this.address = address;
    this.gatewayType = gatewayType;
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) {
    if (method.getDeclaringClass() == Object.class) {
      return switch (method.getName()) {
        case "toString" -> "RemoteGateway(" + gatewayType.getSimpleName() + " at " + address + ")";
        case "hashCode" -> System.identityHashCode(proxy);
        case "equals" -> proxy == args[0];
        default -> throw new UnsupportedOperationException(method.getName());
      };
    }
    if (method.getName().equals("getAddress") && method.getParameterCount() == 0) {
      return address.toString();
    }
    Class<?> returnType = method.getReturnType();
    boolean fireAndForget = returnType == void.class;
    if (!fireAndForget && returnType != CompletableFuture.class) {
      throw new RpcException("Gateway method " + method + " must return void or CompletableFuture");
    }
    String description = address.name() + "." + method.getName() + " at " + address;
    Call.Builder call = Call.newBuilder().setEndpoint(address.name()).setGateway(gatewayType.getName())
        .setMethod(method.getName()).setExpectsReply(!fireAndForget);
    Class<?>[] types = method.getParameterTypes();
    for (int i = 0; i < types.length; i++) {
      call.addParameterTypes(types[i].getName());
      try {
        call.addArguments(ByteString.copyFrom(ClusterSerialization.serialize(args[i])));
      } catch (IOException | RuntimeException e) {
        RpcException failure = new RpcException("Cannot send " + description + ": argument " + i + " ("
            + types[i].getName() + ") cannot be serialized: " + e, e);
        if (fireAndForget) {
          throw failure;
        }
        return CompletableFuture.failedFuture(failure);
      }
    }
    CompletableFuture<Object> result = service.send(address, description, call);
    if (fireAndForget) {
      result.whenComplete((ignored, failure) -> {
        if (failure != null) {
          LOG.warn("The fire-and-forget call {} was not delivered: {}", description, failure.getMessage());
        }
      });
      return null;
    }
    return result;
  }
}
