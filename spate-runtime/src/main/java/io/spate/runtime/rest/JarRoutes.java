package io.spate.runtime.rest;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import io.spate.api.configuration.RestoreMode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The REST routes of uploaded jars: upload, list, delete and run. */
final class JarRoutes {

  private static final Set<String> RUN_FIELDS =
      Set.of("entryClass", "programArgs", "parallelism", "savepointPath", "allowNonRestoredState", "restoreMode");

  private final JarStore store;
  private final JarRunner runner;
  private final JsonBodyReader bodies;
  private final RestResponses responses;
  private final long maxRequestSize;

  JarRoutes(JarStore store, JarRunner runner, JsonBodyReader bodies, RestResponses responses, long maxRequestSize) {
    this.store = store;
    this.runner = runner;
    this.bodies = bodies;
    this.responses = responses;
    this.maxRequestSize = maxRequestSize;
  }

  private JarStore store() {
    if (store == null) {
      throw new RestException(501, "This cluster does not accept jars: start a session cluster with"
          + " 'spate cluster start' or 'spate jobmanager'.");
    }
    return store;
  }

  void register(RoutesConfig routes) {
    routes.post("/jars/upload", this::upload);
    routes.get("/jars", this::list);
    routes.delete("/jars/{jarid}", this::delete);
    routes.post("/jars/{jarid}/run", this::run);
  }

  private void upload(Context ctx) throws IOException {
    long length = ctx.contentLength();
    if (length > maxRequestSize) {
      throw new RestException(413, "The upload (" + length + " bytes) is larger than "
          + io.spate.api.configuration.RestOptions.MAX_REQUEST_SIZE.key() + " (" + maxRequestSize + " bytes).");
    }
    String type = ctx.contentType();
    if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
      throw RestException.badRequest("POST /jars/upload expects a multipart/form-data body with the jar in the"
          + " field 'jarfile', but the content type is " + (type == null ? "missing" : "'" + type + "'") + ".");
    }
    List<UploadedFile> files = multipartFiles(ctx);
    if (files.size() != 1) {
      throw RestException.badRequest("POST /jars/upload expects exactly one file in the field 'jarfile', but got "
          + files.size() + ".");
    }
    UploadedFile file = files.get(0);
    JarStore.StoredJar stored;
    try (InputStream content = file.content()) {
      stored = store().add(file.filename(), content);
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("id", stored.id());
    answer.put("filename", stored.name());
    answer.put("status", "success");
    responses.write(ctx, 200, answer);
  }

  /**
   * The files of the field 'jarfile'. A body without a Content-Length passes the check above, so the
   * multipart parser's own limit (the same size) is reported as 413 too.
   */
  private List<UploadedFile> multipartFiles(Context ctx) {
    try {
      return ctx.uploadedFiles("jarfile");
    } catch (Exception e) { // Javalin passes on the servlet's checked exceptions undeclared
      // The parser stopped inside the body and the server drops the connection after the answer: say so, so
      // that the client does not send its next request on it.
      ctx.header("Connection", "close");
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        String message = String.valueOf(cause.getMessage());
        if (message.contains("max length exceeded") || message.contains("exceeds max")) {
          throw new RestException(413, "The upload is larger than "
              + io.spate.api.configuration.RestOptions.MAX_REQUEST_SIZE.key() + " (" + maxRequestSize + " bytes).");
        }
      }
      throw RestException.badRequest("POST /jars/upload has a malformed multipart/form-data body: "
          + rootMessage(e));
    }
  }

  private void list(Context ctx) throws IOException {
    List<Map<String, Object>> files = new ArrayList<>();
    for (JarStore.StoredJar jar : store().list()) {
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("id", jar.id());
      fields.put("name", jar.name());
      fields.put("uploaded", jar.uploaded());
      fields.put("size", jar.size());
      files.add(fields);
    }
    responses.write(ctx, 200, Map.of("files", files));
  }

  private void delete(Context ctx) throws IOException {
    String id = ctx.pathParam("jarid");
    if (!store().delete(id)) {
      throw RestException.notFound("No uploaded jar has the id '" + id + "'; GET /jars lists them.");
    }
    responses.write(ctx, 200, Map.of());
  }

  private void run(Context ctx) throws Exception {
    String id = ctx.pathParam("jarid");
    Path jar = store().find(id).orElseThrow(
        () -> RestException.notFound("No uploaded jar has the id '" + id + "'; GET /jars lists them."));
    String where = "POST /jars/" + id + "/run";
    RequestBody body = RequestBody.parse(bodies, ctx, where, RUN_FIELDS);
    JarRunRequest request = new JarRunRequest(body.optionalString("entryClass"), body.optionalStrings("programArgs"),
        body.optionalPositiveInt("parallelism"), body.optionalString("savepointPath"),
        body.optionalBoolean("allowNonRestoredState", false), restoreMode(body.optionalString("restoreMode"), where));
    String jobId = runner.run(jar, request);
    responses.write(ctx, 200, Map.of("jobid", jobId));
  }

  private static RestoreMode restoreMode(String value, String where) {
    if (value == null) {
      return null;
    }
    for (RestoreMode mode : RestoreMode.values()) {
      if (mode.name().equalsIgnoreCase(value.trim())) {
        return mode;
      }
    }
    throw RestException.badRequest("Field 'restoreMode' of " + where + " must be CLAIM or NO_CLAIM, but is '" + value
        + "'.");
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
  }
}
