package io.spate.cli.sql;

import com.fasterxml.jackson.databind.JsonNode;
import io.spate.api.common.JobClient;
import io.spate.cli.rest.RestClusterClient;
import io.spate.table.api.TableEnvironment;
import io.spate.table.api.ResultKind;
import io.spate.table.api.Table;
import io.spate.table.api.TableResult;
import io.spate.table.api.internal.TableResultImpl;
import io.spate.table.catalog.ResolvedSchema;
import io.spate.table.client.ResultSocketServer;
import io.spate.table.client.SqlProgram;
import io.spate.table.client.SqlQueryProgram;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * The jobs of a session on a session cluster ({@code ./spate sql -m host:port}), reached through its
 * REST API as {@code ./spate run -m}, {@code list} and {@code stop} reach it. An {@code INSERT}
 * is submitted as a program: a jar with no classes of its own whose entry point, {@link
 * SqlProgram} (on the cluster's class path), replays the session's DDL and runs the insert there. A
 * query runs the same way ({@link SqlQueryProgram}), its rows coming back over a socket that this
 * client listens on.
 */
final class RemoteJobs implements SessionJobs {

  private static final Duration SAVEPOINT_TIMEOUT = Duration.ofMinutes(10);

  private final RestClusterClient client;
  private final boolean batch;
  private String programJarId;

  /** The jobs of the cluster {@code client} talks to; {@code batch} runs inserts in batch mode. */
  RemoteJobs(RestClusterClient client, boolean batch) {
    this.client = client;
    this.batch = batch;
  }

  @Override
  public String submitInsert(TableEnvironment session, List<String> setup, String insert) throws Exception {
    session.explainSql(insert); // plans it here first, so that a mistake is told with its place
    List<String> args = new ArrayList<>();
    if (batch) {
      args.add(SqlProgram.BATCH);
    }
    args.addAll(setup);
    args.add(insert);
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("entryClass", SqlProgram.class.getName());
    request.put("programArgs", args);
    return client.runJar(programJar(), request);
  }

  private synchronized String programJar() throws IOException, io.spate.cli.rest.RestClientException {
    if (programJarId == null) {
      Path jar = Files.createTempFile("spate-sql-program", ".jar");
      try {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, SqlProgram.class.getName());
        try (OutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
          out.flush();
        }
        programJarId = client.uploadJar(jar);
      } finally {
        Files.deleteIfExists(jar);
      }
    }
    return programJarId;
  }

  /**
   * Runs {@code query} as a program like an insert ({@link SqlQueryProgram}), whose job sends its rows
   * to a {@link ResultSocketServer} of this client; closing the rows cancels the job.
   */
  @Override
  public TableResult submitQuery(TableEnvironment session, List<String> setup, String query) throws Exception {
    Table planned = session.sqlQuery(query); // plans it here first, so that a mistake is told with its place
    ResolvedSchema schema = planned.getResolvedSchema();
    String clientHost = addressTowardsCluster();
    ResultSocketServer rows = new ResultSocketServer(SqlQueryProgram.rowType(schema));
    List<String> args = new ArrayList<>(List.of(clientHost, Integer.toString(rows.port()), rows.token()));
    args.addAll(setup);
    args.add(query);
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("entryClass", SqlQueryProgram.class.getName());
    request.put("programArgs", args);
    String jobId;
    try {
      jobId = client.runJar(programJar(), request);
    } catch (Exception e) {
      rows.close();
      throw e;
    }
    rows.attach(() -> endedBecause(jobId), () -> cancelQuietly(jobId));
    // The query's job runs in streaming mode (even in a --batch session): its rows carry their change kinds.
    return new TableResultImpl(null, schema, ResultKind.SUCCESS_WITH_CONTENT, () -> rows, true,
        session.getConfig().getLocalTimeZone());
  }

  /** This machine's address on the route to the cluster, where the query's sink connects back to. */
  private String addressTowardsCluster() throws IOException {
    URI rest = client.baseUri();
    try (Socket probe = new Socket()) {
      probe.connect(new InetSocketAddress(rest.getHost(), rest.getPort()), 10_000);
      return probe.getLocalAddress().getHostAddress();
    } catch (IOException e) {
      throw new IOException("Cannot reach the session cluster at " + rest.getHost() + ":" + rest.getPort() + " ("
          + e.getMessage() + "): is it running, and is -m its REST address?", e);
    }
  }

  /** Null while the query's job runs or restarts; else why its rows ended. */
  private String endedBecause(String jobId) throws Exception {
    String state = client.jobDetails(jobId).path("state").asText();
    switch (state) {
      case "FAILED": {
        String root = client.exceptions(jobId).path("root-exception").asText("");
        return "The query's job " + jobId + " failed" + (root.isBlank() ? "" : ": " + root.lines().findFirst()
            .orElse(root));
      }
      case "CANCELED":
        return "The query's job " + jobId + " was cancelled";
      case "FINISHED":
        return "The query's job " + jobId + " finished without sending the end of its rows";
      default:
        return null;
    }
  }

  private void cancelQuietly(String jobId) {
    try {
      String state = client.jobDetails(jobId).path("state").asText();
      if (!state.equals("FINISHED") && !state.equals("FAILED") && !state.equals("CANCELED")) {
        client.cancel(jobId);
      }
    } catch (Exception e) {
      // The client stops reading either way; a job that cannot be cancelled now is told by SHOW JOBS.
    }
  }

  @Override
  public void queryStarted(JobClient job) {
    // A remote query has no JobClient here; SHOW JOBS lists it from the cluster.
  }

  @Override
  public List<JobSummary> list() throws Exception {
    List<JobSummary> jobs = new ArrayList<>();
    for (JsonNode job : client.listJobs()) {
      jobs.add(new JobSummary(job.path("jid").asText(), job.path("name").asText(), job.path("state").asText(),
          Instant.ofEpochMilli(job.path("start-time").asLong())));
    }
    return jobs;
  }

  @Override
  public String stop(String jobId, boolean withSavepoint, boolean drain) throws Exception {
    if (withSavepoint) {
      return client.stopWithSavepoint(jobId, null, drain, SAVEPOINT_TIMEOUT);
    }
    client.cancel(jobId);
    return null;
  }

  @Override
  public void close() {
    // The cluster's jobs outlive the session, as with Flink's SQL client.
  }
}
