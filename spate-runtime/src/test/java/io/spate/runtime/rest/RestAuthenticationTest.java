package io.spate.runtime.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.checkpoint.CheckpointStatistics;
import io.spate.api.common.JobClient;
import io.spate.api.common.JobStatus;
import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.IllegalConfigurationException;
import io.spate.api.configuration.RestOptions;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.runtime.graph.JobGraphGenerator;
import io.spate.runtime.minicluster.MiniCluster;
import io.spate.runtime.minicluster.MiniClusterConfiguration;
import io.spate.runtime.rest.HttpJson.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Authentication of the REST API, over HTTP on loopback against a running job: without valid
 * credentials every route but {@code GET /health} answers 401 and does nothing.
 */
class RestAuthenticationTest {

  private static final String TOKEN = "s3cret-token-of-the-test";

  @TempDir
  Path dir;

  private MiniCluster cluster;
  private JobClient job;

  @BeforeEach
  void startCluster() throws Exception {
    cluster = new MiniCluster(new MiniClusterConfiguration(1, 2, 1, 16, 64));
    cluster.start();
  }

  @AfterEach
  void stopCluster() {
    cluster.close();
  }

  private HttpJson startServer(Configuration conf) throws Exception {
    conf.set(RestOptions.BIND_PORT, "0");
    RestServer server = cluster.startRestServer(conf);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.fromSequence(1, Long.MAX_VALUE).map(x -> x).discard();
    job = cluster.submitJob(JobGraphGenerator.generate(env.getStreamGraph("guarded"))).get(30, TimeUnit.SECONDS);
    return new HttpJson(server.url());
  }

  private RestServer server() throws Exception {
    return cluster.startRestServer(new Configuration());
  }

  /** Every registered route but GET /health, made concrete, with a body that would act if it were let through. */
  private void assertEveryRouteRefuses(HttpJson http, String authorization, String expectedChallenge) throws Exception {
    String id = job.getJobID().toString();
    String target = HttpJson.JSON.writeValueAsString(dir.resolve("savepoints").toString());
    int checked = 0;
    for (String route : server().registeredRoutes()) {
      String method = route.substring(0, route.indexOf(' '));
      String path = route.substring(route.indexOf(' ') + 1);
      if (route.equals("GET /health")) {
        continue;
      }
      String concrete = path.replace("{jobid}", id).replace("{requestid}", "r1").replace("{taskmanagerid}", "taskexecutor-0")
          .replace("{jarid}", "unknown-jar").replace("{vertexid}", "0").replace("{subtaskindex}", "0")
          .replace("{filename}", "spate.log").replace("{checkpointid}", "1");
      if (method.equals("PATCH")) {
        concrete += "?mode=cancel";
      }
      String body = method.equals("POST") ? "{\"" + (path.endsWith("/stop") ? "targetDirectory" : "target-directory")
          + "\": " + target + "}" : null;
      Response response = http.send(method, concrete, body, authorization);
      assertThat(response.status()).as("%s %s", method, concrete).isEqualTo(401);
      assertThat(response.challenge()).as("%s %s", method, concrete).isEqualTo(expectedChallenge);
      assertThat(response.error()).contains("requires");
      checked++;
    }
    assertThat(checked).isGreaterThanOrEqualTo(12);
    Response unrouted = http.send("GET", "/no/such/route", null, authorization);
    assertThat(unrouted.status()).isEqualTo(401);
    // Nothing ran: the job was neither cancelled nor stopped, and no savepoint was written.
    assertThat(job.getJobStatus().get(10, TimeUnit.SECONDS)).isEqualTo(JobStatus.RUNNING);
    assertThat(cluster.getDispatcherGateway().requestCheckpointStatistics(job.getJobID()).get(10, TimeUnit.SECONDS))
        .noneMatch(CheckpointStatistics::savepoint);
    assertThat(dir.resolve("savepoints")).doesNotExist();
  }

  @Test
  void bearerTokenGuardsEveryRouteButHealth() throws Exception {
    Configuration conf = new Configuration();
    conf.set(RestOptions.AUTHENTICATION_TYPE, "bearer");
    conf.set(RestOptions.AUTHENTICATION_TOKEN, TOKEN);
    HttpJson http = startServer(conf);

    assertEveryRouteRefuses(http, null, "Bearer realm=\"spate\"");
    assertEveryRouteRefuses(http, "Bearer wrong-token", "Bearer realm=\"spate\"");
    assertEveryRouteRefuses(http, "Bearer " + TOKEN + "x", "Bearer realm=\"spate\"");
    assertEveryRouteRefuses(http, "Basic " + base64("user:" + TOKEN), "Bearer realm=\"spate\"");
    assertThat(http.send("GET", "/jobs", null, null).error()).contains("no credentials", "bearer token");

    assertThat(http.get("/health").status()).isEqualTo(200);
    String authorization = "Bearer " + TOKEN;
    assertThat(http.send("GET", "/jobs", null, authorization).status()).isEqualTo(200);
    assertThat(http.send("GET", "/jobs/" + job.getJobID(), null, authorization).status()).isEqualTo(200);
    assertThat(http.send("GET", "/taskmanagers", null, authorization).status()).isEqualTo(200);
    assertThat(http.send("GET", "/config", null, authorization).body().toString()).doesNotContain(TOKEN);
    assertThat(http.send("GET", "/openapi", null, authorization).status()).isEqualTo(200);
    Response cancelled = http.send("PATCH", "/jobs/" + job.getJobID() + "?mode=cancel", null, authorization);
    assertThat(cancelled.status()).isEqualTo(202);
    assertThat(job.getJobExecutionResult()).failsWithin(java.time.Duration.ofSeconds(20));
    assertThat(job.getJobStatus().get(20, TimeUnit.SECONDS)).isEqualTo(JobStatus.CANCELED);
  }

  @Test
  void basicAuthenticationGuardsEveryRouteButHealth() throws Exception {
    Configuration conf = new Configuration();
    conf.set(RestOptions.AUTHENTICATION_TYPE, "basic");
    conf.set(RestOptions.AUTHENTICATION_USERNAME, "operator");
    conf.set(RestOptions.AUTHENTICATION_PASSWORD, "pa55word");
    HttpJson http = startServer(conf);
    String challenge = "Basic realm=\"spate\", charset=\"UTF-8\"";

    assertEveryRouteRefuses(http, null, challenge);
    assertEveryRouteRefuses(http, "Basic " + base64("operator:wrong"), challenge);
    assertEveryRouteRefuses(http, "Basic " + base64("intruder:pa55word"), challenge);
    assertEveryRouteRefuses(http, "Basic not-base64!", challenge);
    assertEveryRouteRefuses(http, "Bearer pa55word", challenge);

    assertThat(http.get("/health").status()).isEqualTo(200);
    String authorization = "Basic " + base64("operator:pa55word");
    assertThat(http.send("GET", "/jobs/" + job.getJobID() + "/exceptions", null, authorization).status())
        .isEqualTo(200);
    Response savepoint = http.send("POST", "/jobs/" + job.getJobID() + "/savepoints",
        "{\"target-directory\": " + HttpJson.JSON.writeValueAsString(dir.resolve("savepoints").toString()) + "}",
        authorization);
    assertThat(savepoint.status()).isEqualTo(202);
    assertThat(savepoint.body().get("request-id").asText()).isNotBlank();
    // The checkpoint routes answer once the credentials pass: this job does not checkpoint.
    Response config = http.send("GET", "/jobs/" + job.getJobID() + "/checkpoints/config", null, authorization);
    assertThat(config.status()).isEqualTo(404);
    assertThat(config.error()).contains("Checkpointing is not enabled");
  }

  @Test
  void withoutAuthenticationEveryRouteAnswersWithoutCredentials() throws Exception {
    HttpJson http = startServer(new Configuration());
    assertThat(http.get("/jobs").status()).isEqualTo(200);
    assertThat(http.get("/jobs").challenge()).isNull();
    assertThat(http.get("/config").status()).isEqualTo(200);
  }

  @Test
  void misconfiguredAuthenticationFailsTheStartNamingTheOption() {
    Configuration noToken = new Configuration();
    noToken.set(RestOptions.BIND_PORT, "0");
    noToken.set(RestOptions.AUTHENTICATION_TYPE, "bearer");
    assertThatThrownBy(() -> cluster.startRestServer(noToken))
        .isInstanceOf(IllegalConfigurationException.class)
        .hasMessageContaining("rest.authentication.token");

    Configuration noPassword = new Configuration();
    noPassword.set(RestOptions.AUTHENTICATION_TYPE, "basic");
    noPassword.set(RestOptions.AUTHENTICATION_USERNAME, "operator");
    assertThatThrownBy(() -> cluster.startRestServer(noPassword))
        .isInstanceOf(IllegalConfigurationException.class)
        .hasMessageContaining("rest.authentication.password");

    Configuration unknownType = new Configuration();
    unknownType.set(RestOptions.AUTHENTICATION_TYPE, "kerberos");
    assertThatThrownBy(() -> cluster.startRestServer(unknownType))
        .isInstanceOf(IllegalConfigurationException.class)
        .hasMessageContaining("rest.authentication.type")
        .hasMessageContaining("'kerberos'");
  }

  @Test
  void secretsAreComparedWholly() {
    assertThat(RestAuthentication.constantTimeEquals("abc", "abc")).isTrue();
    assertThat(RestAuthentication.constantTimeEquals("abc", "abcd")).isFalse();
    assertThat(RestAuthentication.constantTimeEquals("", "abc")).isFalse();
    assertThat(RestAuthentication.credentialOf("bearer  tok ", "Bearer")).isEqualTo("tok");
    assertThat(RestAuthentication.credentialOf("Bearertok", "Bearer")).isNull();
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
