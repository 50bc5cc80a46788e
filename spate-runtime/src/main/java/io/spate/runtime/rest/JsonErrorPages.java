package io.spate.runtime.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers the requests that Jetty refuses before the API sees them (a malformed URI or
 * percent-encoding, a bad Host header, a request line or headers too long, a broken body encoding)
 * with the API's JSON error body instead of Jetty's HTML page.
 */
final class JsonErrorPages extends ErrorHandler {

  private final ObjectMapper json;

  JsonErrorPages(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public boolean errorPageForMethod(String method) {
    return true;
  }

  @Override
  protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
      Callback callback) throws IOException {
    byte[] body = body(code, message);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, "application/json");
    return ByteBuffer.wrap(body(status, reason));
  }

  private byte[] body(int code, String message) {
    String reason = message == null || message.isBlank() ? HttpStatus.getMessage(code) : message;
    String text = code >= 500 && code != HttpStatus.HTTP_VERSION_NOT_SUPPORTED_505
        ? "The server could not answer the request: " + reason + " (HTTP " + code + ")."
        : "The request is malformed: " + reason + " (HTTP " + code + " " + HttpStatus.getMessage(code) + ").";
    try {
      return json.writeValueAsBytes(Map.of("errors", List.of(text)));
    } catch (JsonProcessingException e) {
      return "{\"errors\": [\"The request is malformed.\"]}".getBytes(StandardCharsets.UTF_8);
    }
  }
}
