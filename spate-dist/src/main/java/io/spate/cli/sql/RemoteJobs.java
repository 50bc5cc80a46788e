package io.spate.cli.sql;

import com.fasterxml.jackson.databind.JsonNode;
import io.spate.api.common.JobClient;
import io.spate.cli.rest.RestClusterClient;
import io.spate.table.api.TableEnvironment;
import io.spate.table.client.SqlProgram;
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
 * SqlProgram} (on the cluster's class path), replays the session's DDL and runs the insert there.
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

  @Override
  public void queryStarted(JobClient job) {
    // Queries do not run on a session cluster (see runsQueries).
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
  public boolean runsQueries() {
    return false;
  }

  @Override
  public void close() {
    // The cluster's jobs outlive the session, as with Flink's SQL client.
  }
}
