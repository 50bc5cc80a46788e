package io.spate.runtime.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.RestOptions;
import io.spate.runtime.cluster.ProcessLogs;
import io.spate.runtime.minicluster.MiniCluster;
import io.spate.runtime.minicluster.MiniClusterConfiguration;
import io.spate.runtime.rest.HttpJson.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The routes about the cluster's processes (configuration, environment, thread dumps, log files) of
 * the JobManager and of a TaskManager, which in a mini cluster share one JVM and so one log file.
 */
class RestProcessRoutesTest {

  private static MiniCluster cluster;
  private static HttpJson http;
  private static String base;
  private static String taskManager;

  @TempDir
  Path logDir;

  @BeforeAll
  static void startCluster() throws Exception {
    cluster = new MiniCluster(new MiniClusterConfiguration(1, 1, 1, 16, 64));
    cluster.start();
    Configuration conf = new Configuration();
    conf.set(RestOptions.BIND_PORT, "0");
    base = cluster.startRestServer(conf).url();
    http = new HttpJson(base);
    taskManager = http.get("/taskmanagers").body().get("taskmanagers").get(0).get("id").asText();
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  @AfterEach
  void forgetTheLogFile() {
    System.clearProperty(ProcessLogs.LOG_FILE_PROPERTY);
  }

  private static HttpResponse<String> text(String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private Path withLogFiles() throws Exception {
    Path log = logDir.resolve("spate-jobmanager.log");
    Files.writeString(log, "first line\nthe JobManager's log\n");
    Files.writeString(logDir.resolve("spate-taskmanager-0.log"), "a TaskManager's log\n");
    Files.writeString(logDir.resolve("spate-cluster.secret"), "never served");
    Files.writeString(logDir.resolve(".spate-options-1.properties"), "token=never served");
    System.setProperty(ProcessLogs.LOG_FILE_PROPERTY, log.toString());
    return log;
  }

  private static List<String> names(JsonNode logs) {
    List<String> names = new ArrayList<>();
    logs.get("logs").forEach(file -> names.add(file.get("name").asText()));
    return names;
  }

  @Test
  void listsAndServesTheLogFilesOnly() throws Exception {
    withLogFiles();
    for (String process : List.of("/jobmanager", "/taskmanagers/" + taskManager)) {
      JsonNode logs = http.get(process + "/logs").body();
      assertThat(names(logs)).as(process).containsExactly("spate-jobmanager.log", "spate-taskmanager-0.log");
      assertThat(logs.get("logs").get(1).get("size").asLong()).isEqualTo("a TaskManager's log\n".length());

      HttpResponse<String> log = text(process + "/log");
      assertThat(log.statusCode()).isEqualTo(200);
      assertThat(log.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
      assertThat(log.body()).isEqualTo("first line\nthe JobManager's log\n");
      // The scripts send a process's output to its log file.
      assertThat(text(process + "/stdout").body()).isEqualTo(log.body());
      assertThat(text(process + "/logs/spate-taskmanager-0.log").body()).isEqualTo("a TaskManager's log\n");

      Response secret = http.get(process + "/logs/spate-cluster.secret");
      assertThat(secret.status()).isEqualTo(404);
      assertThat(secret.error()).contains("not a log file");
      Response hidden = http.get(process + "/logs/..spate-jobmanager.log");
      assertThat(hidden.status()).isEqualTo(400);
      assertThat(hidden.error()).contains("'filename'");
      assertThat(http.get(process + "/logs/..%2F..%2Fetc%2Fpasswd.log").status()).isIn(400, 404);
      assertThat(http.get(process + "/logs/missing.log").status()).isEqualTo(404);
    }
  }

  @Test
  void aProcessWithoutLogFilesAnswers404() throws Exception {
    for (String path : List.of("/jobmanager/logs", "/jobmanager/log", "/jobmanager/stdout",
        "/taskmanagers/" + taskManager + "/logs", "/taskmanagers/" + taskManager + "/log",
        "/taskmanagers/" + taskManager + "/stdout")) {
      Response answer = http.get(path);
      assertThat(answer.status()).as(path).isEqualTo(404);
      assertThat(answer.error()).as(path).contains("has no log files", "-Dlog.file");
    }
  }

  @Test
  void threadDumpsShowEveryThreadWithItsStack() throws Exception {
    JsonNode jobManager = http.get("/jobmanager/thread-dump").body().get("threadInfos");
    List<String> threads = new ArrayList<>();
    jobManager.forEach(thread -> threads.add(thread.get("threadName").asText()));
    assertThat(threads).anyMatch(name -> name.startsWith("spate-rest"));
    assertThat(jobManager.get(0).get("stringifiedThreadInfo").asText()).contains("Id=");
    JsonNode ofTaskManager = http.get("/taskmanagers/" + taskManager + "/thread-dump").body().get("threadInfos");
    assertThat(ofTaskManager.size()).isPositive();
    assertThat(ofTaskManager.toString()).contains("\\tat ");
  }

  @Test
  void jobManagerConfigAndEnvironment() throws Exception {
    JsonNode config = http.get("/jobmanager/config").body();
    List<String> entries = new ArrayList<>();
    config.forEach(entry -> entries.add(entry.get("key").asText() + "=" + entry.get("value").asText()));
    assertThat(entries).contains("rest.bind-port=0");
    JsonNode environment = http.get("/jobmanager/environment").body();
    assertThat(environment.get("jvm").get("version").asText()).contains(System.getProperty("java.version"));
    assertThat(environment.get("jvm").get("options").isArray()).isTrue();
    assertThat(environment.get("classpath").size()).isPositive();
  }

  @Test
  void unknownAndMalformedTaskManagerIds() throws Exception {
    Response unknown = http.get("/taskmanagers/taskexecutor-42/thread-dump");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.error()).contains("'taskexecutor-42'");
    Response malformed = http.get("/taskmanagers/bad%20id/logs");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.error()).contains("'taskmanagerid'");
  }

  @Test
  void newRoutesNeedTheCredentialsWhenAuthenticationIsOn() throws Exception {
    MiniCluster guarded = new MiniCluster(new MiniClusterConfiguration(1, 1, 1, 16, 64));
    guarded.start();
    try {
      Configuration conf = new Configuration();
      conf.set(RestOptions.BIND_PORT, "0");
      conf.set(RestOptions.AUTHENTICATION_TYPE, "bearer");
      conf.set(RestOptions.AUTHENTICATION_TOKEN, "s3cret-token");
      HttpJson client = new HttpJson(guarded.startRestServer(conf).url());
      String path = "/jobmanager/metrics?get=Status.JVM.Memory.Heap.Used";
      assertThat(client.send("GET", path, null, null).status()).isEqualTo(401);
      assertThat(client.send("GET", path, null, "Bearer wrong").status()).isEqualTo(401);
      Response allowed = client.send("GET", path, null, "Bearer s3cret-token");
      assertThat(allowed.status()).isEqualTo(200);
      assertThat(allowed.body().get(0).get("id").asText()).isEqualTo("Status.JVM.Memory.Heap.Used");
      assertThat(client.send("GET", "/jobmanager/thread-dump", null, null).status()).isEqualTo(401);
    } finally {
      guarded.close();
    }
  }
}
