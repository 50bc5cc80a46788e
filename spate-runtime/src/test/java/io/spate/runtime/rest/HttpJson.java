package io.spate.runtime.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Real HTTP calls on loopback to a REST server under test, with JSON answers. */
final class HttpJson {

  static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final String base;

  HttpJson(String base) {
    this(base, HttpClient.newHttpClient());
  }

  /** Calls through {@code http}, such as a client with an SSL context. */
  HttpJson(String base, HttpClient http) {
    this.base = base;
    this.http = http;
  }

  /** An answer: status, the WWW-Authenticate header (or null) and the parsed body (or null when empty). */
  record Response(int status, String challenge, JsonNode body) {
    String error() {
      return body.get("errors").get(0).asText();
    }
  }

  Response send(String method, String path, String body, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
    request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Response(response.statusCode(), response.headers().firstValue("WWW-Authenticate").orElse(null),
        response.body().isEmpty() ? null : JSON.readTree(response.body()));
  }

  Response get(String path) throws Exception {
    return send("GET", path, null, null);
  }
}
