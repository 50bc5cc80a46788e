package io.spate.runtime.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.spate.runtime.dispatcher.UnknownJobException;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes JSON answers, and turns failures into an HTTP status with {@code {"errors": [message]}}. */
final class RestResponses {

  private static final Logger LOG = LoggerFactory.getLogger(RestResponses.class);

  /** How many times {@code rest.server.max-content-length} an oversized body may be before it is cut off unread. */
  static final int DISCARD_FACTOR = 4;

  private final ObjectMapper json;
  private final long maxRequestSize;

  RestResponses(ObjectMapper json, long maxRequestSize) {
    this.json = json;
    this.maxRequestSize = maxRequestSize;
  }

  /** Answers with {@code status} and the value of {@code body} once it completes, or with the error it fails with. */
  void reply(Context ctx, int status, CompletableFuture<?> body) {
    ctx.future(() -> body.handle((value, error) -> {
      if (error == null) {
        write(ctx, status, value);
      } else {
        fail(ctx, error);
      }
      return null;
    }));
  }

  /** Answers with {@code status} and {@code body} as JSON. */
  void write(Context ctx, int status, Object body) {
    String text;
    try {
      text = json.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      fail(ctx, e);
      return;
    }
    if (!discardUnreadBody(ctx)) {
      ctx.header("Connection", "close");
    }
    ctx.status(status).contentType("application/json").result(text);
  }

  /**
   * Reads and drops what is left of a body the answer leaves unread (an oversized one, or one that a
   * refused request carries), at most {@link #DISCARD_FACTOR} times the limit; returns whether the
   * connection can serve another request. The server closes a connection whose body it did not read;
   * a client still sending then gets a reset that can wipe the answer from its receive buffer, so it
   * would see a broken connection instead of the 4xx. A client that waits for {@code 100 Continue}
   * sends no body once it is refused unread, so nothing is read for it.
   */
  private boolean discardUnreadBody(Context ctx) {
    long declared = ctx.contentLength();
    if (declared == 0) {
      return true;
    }
    String expect = ctx.header("Expect");
    boolean refusedUnread = declared > maxRequestSize;
    if (refusedUnread && expect != null && expect.equalsIgnoreCase("100-continue")) {
      return false;
    }
    long budget = Math.max(maxRequestSize, 1) * DISCARD_FACTOR;
    if (declared > budget) {
      return false;
    }
    byte[] sink = new byte[64 * 1024];
    try {
      InputStream in = ctx.req().getInputStream();
      for (long read = 0; read < budget; ) {
        int n = in.read(sink, 0, (int) Math.min(sink.length, budget - read));
        if (n < 0) {
          return true;
        }
        read += n;
      }
    } catch (IOException | RuntimeException e) {
      LOG.debug("{} {}: the rest of an unread body could not be read", ctx.method(), ctx.path(), e);
    }
    return false;
  }

  /** Answers with the status that fits {@code error} and its message. */
  void fail(Context ctx, Throwable error) {
    Throwable cause = unwrap(error);
    int status = statusOf(cause);
    if (status >= 500) {
      LOG.warn("{} {} failed", ctx.method(), ctx.path(), cause);
    }
    String message = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getName();
    write(ctx, status, Map.of("errors", List.of(message)));
  }

  /** The class and message of a failure, for answers that report one without failing the request. */
  static Map<String, String> describeFailure(Throwable error) {
    Throwable cause = unwrap(error);
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("class", cause.getClass().getName());
    fields.put("message", String.valueOf(cause.getMessage()));
    return fields;
  }

  static int statusOf(Throwable cause) {
    if (cause instanceof RestException rest) {
      return rest.status();
    }
    if (cause instanceof UnknownJobException) {
      return 404;
    }
    if (cause instanceof IllegalArgumentException) {
      return 400;
    }
    if (cause instanceof IllegalStateException) {
      return 409;
    }
    return 500;
  }

  private static Throwable unwrap(Throwable error) {
    Throwable cause = error;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
