package io.spate.cli.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * Talks to a Spate cluster's REST API for the CLI: jobs, cancellation, savepoints and TaskManagers,
 * sending credentials when the cluster requires them, over HTTPS when given an SSL context.
 */
public final class RestClusterClient {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  private static final long POLL_MILLIS = 100;
  private static final Duration CONNECTION_PROBE_TIMEOUT = Duration.ofSeconds(3);

  private final String base;
  private final HttpClient http;
  private final String authorization;

  /** A client of the REST API at {@code host:port} that sends no credentials. */
  public RestClusterClient(String host, int port) {
    this(host, port, null);
  }

  /**
   * A client of the REST API at {@code host:port} that sends {@code authorization} (the value of the
   * {@code Authorization} header, such as {@code Bearer <token>}) with every request, or none if null.
   */
  public RestClusterClient(String host, int port, String authorization) {
    this(host, port, authorization, null);
  }

  /**
   * A client of the REST API at {@code host:port} over HTTPS with {@code ssl} (its truststore checks
   * the server's certificate and host name), or over plain HTTP if {@code ssl} is null.
   */
  public RestClusterClient(String host, int port, String authorization, SSLContext ssl) {
    String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    this.base = (ssl == null ? "http://" : "https://") + h + ":" + port;
    HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
    if (ssl != null) {
      builder.sslContext(ssl);
    }
    this.http = builder.build();
    this.authorization = authorization;
  }

  /** The TaskManagers of the cluster with their slots and memory ({@code GET /taskmanagers}). */
  public JsonNode listTaskManagers() throws RestClientException {
    return call("GET", "/taskmanagers", null).get("taskmanagers");
  }

  /** Job {@code jobId} with its graph ({@code GET /jobs/{id}}). */
  public JsonNode jobDetails(String jobId) throws RestClientException {
    return call("GET", "/jobs/" + jobId, null);
  }

  /** The failures of job {@code jobId}, newest first ({@code GET /jobs/{id}/exceptions}). */
  public JsonNode exceptions(String jobId) throws RestClientException {
    return call("GET", "/jobs/" + jobId + "/exceptions", null).get("entries");
  }

  /** The running and recently ended jobs ({@code GET /jobs/overview}). */
  public JsonNode listJobs() throws RestClientException {
    return call("GET", "/jobs/overview", null).get("jobs");
  }

  /** Whether the REST API answers {@code GET /health}. */
  public boolean isHealthy() {
    try {
      return call("GET", "/health", null).path("status").asText().equals("ok");
    } catch (RestClientException e) {
      return false;
    }
  }

  /** Uploads {@code jar} ({@code POST /jars/upload}) and returns its id on the cluster. */
  public String uploadJar(java.nio.file.Path jar) throws RestClientException {
    String boundary = "spate-" + java.util.UUID.randomUUID();
    String name = jar.getFileName().toString().replace("\"", "_").replace("\r", "_").replace("\n", "_");
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\"" + name
        + "\"\r\nContent-Type: application/java-archive\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    HttpRequest.BodyPublisher body;
    try {
      body = HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
          HttpRequest.BodyPublishers.ofFile(jar), HttpRequest.BodyPublishers.ofByteArray(tail));
    } catch (java.io.FileNotFoundException e) {
      throw new RestClientException("Job jar not found: " + jar);
    }
    return call("POST", "/jars/upload", body, "multipart/form-data; boundary=" + boundary).path("id").asText();
  }

  /** Runs uploaded jar {@code jarId} with {@code request} ({@code POST /jars/{jarid}/run}); returns the job id. */
  public String runJar(String jarId, java.util.Map<String, Object> request) throws RestClientException {
    return call("POST", "/jars/" + jarId + "/run", request).path("jobid").asText();
  }

  /** Cancels the job. */
  public void cancel(String jobId) throws RestClientException {
    call("PATCH", "/jobs/" + jobId + "?mode=cancel", null);
  }

  /**
   * Takes a savepoint of the job into {@code targetDirectory} (or the job's default directory when
   * null) and waits for it; returns its path.
   */
  public String savepoint(String jobId, String targetDirectory, Duration timeout) throws RestClientException {
    Map<String, Object> body = new LinkedHashMap<>();
    if (targetDirectory != null) {
      body.put("target-directory", targetDirectory);
    }
    String requestId = call("POST", "/jobs/" + jobId + "/savepoints", body).get("request-id").asText();
    return awaitSavepoint(jobId, requestId, timeout);
  }

  /** Stops the job with a savepoint (draining first if {@code drain}) and waits for it; returns its path. */
  public String stopWithSavepoint(String jobId, String targetDirectory, boolean drain, Duration timeout)
      throws RestClientException {
    Map<String, Object> body = new LinkedHashMap<>();
    if (targetDirectory != null) {
      body.put("targetDirectory", targetDirectory);
    }
    body.put("drain", drain);
    String requestId = call("POST", "/jobs/" + jobId + "/stop", body).get("request-id").asText();
    return awaitSavepoint(jobId, requestId, timeout);
  }

  private String awaitSavepoint(String jobId, String requestId, Duration timeout) throws RestClientException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      JsonNode status = call("GET", "/jobs/" + jobId + "/savepoints/" + requestId, null);
      if ("COMPLETED".equals(status.path("status").path("id").asText())) {
        JsonNode operation = status.path("operation");
        if (operation.has("location")) {
          return operation.get("location").asText();
        }
        throw new RestClientException("The savepoint of job " + jobId + " failed: "
            + operation.path("failure-cause").path("message").asText("no reason given"));
      }
      if (System.nanoTime() > deadline) {
        throw new RestClientException("The savepoint of job " + jobId + " did not complete within "
            + timeout.toSeconds() + " s; it may still complete (request " + requestId + ").");
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RestClientException("Interrupted while waiting for the savepoint of job " + jobId + ".");
      }
    }
  }

  /** Whether something accepts TCP connections at {@code address} now (within a short timeout). */
  private static boolean acceptsConnections(URI address) {
    try (java.net.Socket socket = new java.net.Socket()) {
      socket.connect(new java.net.InetSocketAddress(address.getHost().replaceAll("^\\[|\\]$", ""),
          address.getPort()), (int) CONNECTION_PROBE_TIMEOUT.toMillis());
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private JsonNode call(String method, String path, Object body) throws RestClientException {
    try {
      return call(method, path, body == null ? HttpRequest.BodyPublishers.noBody()
          : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)), body == null ? null : "application/json");
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Cannot write the request body " + body, e);
    }
  }

  private JsonNode call(String method, String path, HttpRequest.BodyPublisher body, String contentType)
      throws RestClientException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(REQUEST_TIMEOUT);
    request.method(method, body);
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (ConnectException e) {
      throw new RestClientException("No Spate REST API answers at " + base + " (connection refused). Is the job"
          + " or cluster running? 'spate run' prints the address of its REST API; give it with -m <host:port>.");
    } catch (HttpTimeoutException e) {
      throw new RestClientException("The REST API at " + base + " did not answer " + method + " " + path
          + " within " + REQUEST_TIMEOUT.toSeconds() + " s.");
    } catch (IOException e) {
      String tls = RestTlsProblems.explain(base, e);
      if (tls != null) {
        throw new RestClientException(tls);
      }
      URI address = URI.create(base);
      if (!acceptsConnections(address)) {
        // The connection was refused or reset and the port is closed now: the process behind it ended.
        throw new RestClientException("The cluster at " + address.getHost() + ":" + address.getPort() + " is not"
            + " reachable: the connection ended without an answer to " + method + " " + path + " (" + e + "), and"
            + " nothing accepts connections there any more. Is its JobManager still running?");
      }
      throw new RestClientException("The REST API at " + base + " closed the connection without an answer to "
          + method + " " + path + ": " + e
          + (base.startsWith("http://") ? " (if the cluster serves HTTPS, add -D security.ssl.rest.enabled=true)" : ""));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RestClientException("Interrupted while calling " + base + path);
    }
    if (response.statusCode() == 401) {
      throw new RestClientException("The cluster at " + base + " requires authentication: "
          + (authorization == null ? "this command sent no credentials" : "it refused the credentials this command sent")
          + " (" + response.headers().firstValue("WWW-Authenticate").orElse("no scheme named") + "). Give --token <token>"
          + " for bearer authentication, or -D rest.authentication.type=basic -D rest.authentication.username=<user>"
          + " -D rest.authentication.password=<password>.", true);
    }
    JsonNode json;
    try {
      json = response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    } catch (JsonProcessingException e) {
      throw new RestClientException(base + " answered " + method + " " + path + " with status "
          + response.statusCode() + " and a body that is not JSON; is it a Spate REST API?");
    }
    if (response.statusCode() >= 400) {
      JsonNode errors = json.path("errors");
      String message = errors.isArray() && !errors.isEmpty() ? errors.get(0).asText() : "HTTP " + response.statusCode();
      throw new RestClientException(message);
    }
    return json;
  }

  /** The address of the REST API this client talks to ({@code http://host:port}). */
  public java.net.URI baseUri() {
    return java.net.URI.create(base);
  }
}
