package io.spate.runtime.rpc.remote;

import io.spate.runtime.rpc.ClusterSerialization;
import io.spate.runtime.rpc.ClusterObjectFilter;
import com.google.protobuf.ByteString;
import io.spate.runtime.rpc.LocalRpcService;
import io.spate.runtime.rpc.RpcException;
import io.spate.runtime.rpc.RpcGateway;
import io.spate.runtime.rpc.remote.proto.Call;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Turns a {@link Call} from the network into an invocation of a local endpoint's gateway method,
 * through the same in-process proxies as {@link LocalRpcService}: the call runs on the endpoint's
 * main thread, in the order in which the calls were handed over.
 */
final class InboundInvoker {

  private static final Map<String, Class<?>> PRIMITIVES = Map.of(
      "boolean", boolean.class, "byte", byte.class, "char", char.class, "short", short.class,
      "int", int.class, "long", long.class, "float", float.class, "double", double.class);

  private final LocalRpcService endpoints;
  private final ClassLoader loader;
  private final ClusterObjectFilter filter;
  private final String hostAndPort;

  InboundInvoker(LocalRpcService endpoints, ClassLoader loader, ClusterObjectFilter filter, String hostAndPort) {
    this.endpoints = endpoints;
    this.loader = loader;
    this.filter = filter;
    this.hostAndPort = hostAndPort;
  }

  /** The gateway of endpoint {@code name} as {@code gatewayName}, or an RpcException naming the address. */
  RpcGateway gateway(String name, String gatewayName) {
    return gateway(name, gatewayType(gatewayName));
  }

  private RpcGateway gateway(String name, Class<? extends RpcGateway> type) {
    try {
      return endpoints.connect(name, type).join();
    } catch (CompletionException e) {
      String address = hostAndPort + "/" + name;
      Throwable cause = e.getCause();
      String message = cause != null && cause.getMessage() != null
          ? cause.getMessage().replace(" at " + name, " at " + address) : "No endpoint at " + address;
      throw new RpcException(message);
    }
  }

  /**
   * Invokes {@code call} on its endpoint: a fire-and-forget call is queued on the endpoint's main
   * thread and completes with null once queued; a request/response call completes with the result.
   *
   * @throws RpcException when the call cannot be delivered: unknown endpoint, gateway or method,
   *     arguments that do not deserialize under the filter, or a full mailbox
   */
  CompletableFuture<?> invoke(Call call) {
    Class<? extends RpcGateway> type = gatewayType(call.getGateway());
    RpcGateway gateway = gateway(call.getEndpoint(), type);
    Method method = method(type, call);
    Object[] args = arguments(call, method);
    try {
      Object result = method.invoke(gateway, args);
      return method.getReturnType() == void.class ? CompletableFuture.completedFuture(null)
          : (CompletableFuture<?>) result;
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RpcException rpc) {
        throw new RpcException(describe(call) + " could not be delivered: " + rpc.getMessage(), rpc);
      }
      throw new RpcException(describe(call) + " failed: " + e.getCause(), e.getCause());
    } catch (IllegalAccessException e) {
      throw new RpcException("Cannot call " + method, e);
    }
  }

  /** {@code name.method at host:port/name}, for messages. */
  String describe(Call call) {
    return call.getEndpoint() + "." + call.getMethod() + " at " + hostAndPort + "/" + call.getEndpoint();
  }

  private Class<? extends RpcGateway> gatewayType(String gatewayName) {
    Class<?> type;
    try {
      type = Class.forName(gatewayName, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new RpcException("The process at " + hostAndPort + " does not know the gateway " + gatewayName);
    }
    if (!type.isInterface() || !RpcGateway.class.isAssignableFrom(type)) {
      throw new RpcException(gatewayName + " is not a gateway interface (at " + hostAndPort + ")");
    }
    return type.asSubclass(RpcGateway.class);
  }

  private Method method(Class<? extends RpcGateway> gatewayType, Call call) {
    Class<?>[] types = new Class<?>[call.getParameterTypesCount()];
    for (int i = 0; i < types.length; i++) {
      String name = call.getParameterTypes(i);
      Class<?> primitive = PRIMITIVES.get(name);
      try {
        types[i] = primitive != null ? primitive : Class.forName(name, false, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        throw new RpcException(describe(call) + ": the parameter type " + name + " is not known here");
      }
    }
    try {
      Method method = gatewayType.getMethod(call.getMethod(), types);
      Class<?> returns = method.getReturnType();
      // Gateways may inherit methods from plain interfaces (JobMasterGateway from CheckpointResponder);
      // getMethod on an interface never yields Object's methods.
      Class<?> declaring = method.getDeclaringClass();
      if (!declaring.isInterface() || !declaring.isAssignableFrom(gatewayType) || declaring == RpcGateway.class
          || (returns != void.class && returns != CompletableFuture.class)) {
        throw new RpcException(describe(call) + " is not a gateway method");
      }
      return method;
    } catch (NoSuchMethodException e) {
      throw new RpcException(describe(call) + ": " + gatewayType.getName() + " has no such method with those"
          + " parameter types; are both processes the same Spate version?");
    }
  }

  private Object[] arguments(Call call, Method method) {
    int count = method.getParameterCount();
    if (call.getArgumentsCount() != count) {
      throw new RpcException(describe(call) + " carries " + call.getArgumentsCount() + " arguments for "
          + count + " parameters");
    }
    Object[] args = new Object[count];
    for (int i = 0; i < count; i++) {
      ByteString bytes = call.getArguments(i);
      try {
        args[i] = ClusterSerialization.deserialize(bytes.toByteArray(), loader, filter);
      } catch (IOException | ClassNotFoundException e) {
        throw new RpcException("Argument " + i + " of " + describe(call) + " was refused: " + e.getMessage());
      }
      Class<?> type = method.getParameterTypes()[i];
      if (args[i] == null ? type.isPrimitive() : !box(type).isInstance(args[i])) {
        throw new RpcException("Argument " + i + " of " + describe(call) + " is a "
            + (args[i] == null ? "null" : args[i].getClass().getName()) + ", not a " + type.getName());
      }
    }
    return args;
  }

  private static Class<?> box(Class<?> type) {
    if (!type.isPrimitive()) {
      return type;
    }
    return switch (type.getName()) {
      case "boolean" -> Boolean.class;
      case "byte" -> Byte.class;
      case "char" -> Character.class;
      case "short" -> Short.class;
      case "int" -> Integer.class;
      case "long" -> Long.class;
      case "float" -> Float.class;
      case "double" -> Double.class;
      default -> type;
    };
  }
}
