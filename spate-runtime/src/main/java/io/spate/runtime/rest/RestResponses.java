package io.spate.runtime.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.spate.runtime.dispatcher.UnknownJobException;
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

  private final ObjectMapper json;

  RestResponses(ObjectMapper json) {
    this.json = json;
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
    ctx.status(status).contentType("application/json").result(text);
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
