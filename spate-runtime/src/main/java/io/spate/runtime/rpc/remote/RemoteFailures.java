package io.spate.runtime.rpc.remote;

import io.spate.runtime.rpc.ClusterSerialization;
import com.google.protobuf.ByteString;
import io.spate.runtime.rpc.RpcException;
import io.spate.runtime.rpc.remote.proto.RemoteError;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.lang.reflect.InvocationTargetException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Carries exceptions across processes: as text always, and serialized when the receiver can read them. */
final class RemoteFailures {

  private static final int MAX_CAUSES = 16;

  private RemoteFailures() {}

  /** A failure of the RPC layer itself, reproduced at the caller as an {@link RpcException} with {@code message}. */
  static RemoteError rpcFailure(String message) {
    return RemoteError.newBuilder().setExceptionClass(RpcException.class.getName()).setMessage(message)
        .setRpcFailure(true).build();
  }

  /** The wire form of {@code failure} thrown by an invoked method, serialized when it fits {@code maxBytes}. */
  static RemoteError methodFailure(Throwable failure, long maxBytes) {
    Throwable cause = unwrap(failure);
    RemoteError.Builder error = RemoteError.newBuilder().setExceptionClass(cause.getClass().getName())
        .setMessage(String.valueOf(cause.getMessage())).setCauseChain(causeChain(cause));
    try {
      byte[] bytes = ClusterSerialization.serialize(cause);
      if (bytes.length <= maxBytes / 2) {
        error.setSerializedException(ByteString.copyFrom(bytes));
      }
    } catch (IOException | RuntimeException e) {
      // The text above still tells the caller what happened.
    }
    return error.build();
  }

  /**
   * The exception to complete the caller's future with: the remote one when it deserializes under
   * {@code filter}, otherwise an {@link RpcException} naming {@code call} and carrying the text.
   */
  static Throwable reproduce(RemoteError error, String call, ClassLoader loader, ObjectInputFilter filter) {
    if (error.getRpcFailure()) {
      return new RpcException(error.getMessage());
    }
    if (!error.getSerializedException().isEmpty()) {
      try {
        Object value = ClusterSerialization.deserialize(error.getSerializedException().toByteArray(), loader, filter);
        if (value instanceof Throwable throwable) {
          return throwable;
        }
      } catch (IOException | ClassNotFoundException e) {
        // Falls back to the text.
      }
    }
    return new RpcException(call + " failed remotely with " + error.getExceptionClass() + ": " + error.getMessage()
        + (error.getCauseChain().isEmpty() ? "" : "\n" + error.getCauseChain()));
  }

  /** The cause of a wrapper exception that only says "something failed asynchronously". */
  static Throwable unwrap(Throwable failure) {
    Throwable t = failure;
    while ((t instanceof CompletionException || t instanceof ExecutionException
        || t instanceof InvocationTargetException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  /** Each exception of the chain on its own line, with the first frame where it was thrown. */
  static String causeChain(Throwable failure) {
    StringBuilder sb = new StringBuilder();
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    int depth = 0;
    for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null && depth < MAX_CAUSES;
        t = t.getCause(), depth++) {
      sb.append(depth == 0 ? "" : "\ncaused by: ").append(t.getClass().getName()).append(": ").append(t.getMessage());
      StackTraceElement[] trace = t.getStackTrace();
      if (trace.length > 0) {
        sb.append("\n\tat ").append(trace[0]);
      }
    }
    return sb.toString();
  }
}
