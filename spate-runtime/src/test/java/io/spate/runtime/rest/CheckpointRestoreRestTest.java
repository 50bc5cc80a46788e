package io.spate.runtime.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spate.api.checkpoint.RestoredCheckpoint;
import io.spate.api.common.RestartStrategies;
import io.spate.api.configuration.CheckpointingOptions;
import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.RestOptions;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.functions.MapFunction;
import io.spate.api.state.CheckpointListener;
import io.spate.runtime.minicluster.ClusterJobClient;
import io.spate.testing.Await;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /jobs/{id}/checkpoints} says whether and from which checkpoint the job's state was
 * restored ({@code latest.restored}, {@code counts.restored}): nothing while it never failed, the
 * checkpoint completed before a failure once it restarted; the ended job's client still knows it.
 */
class CheckpointRestoreRestTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicBoolean ARMED = new AtomicBoolean();
  private static final AtomicBoolean FAILED = new AtomicBoolean();
  private static final AtomicLong HEARD_BEFORE_FAILURE = new AtomicLong();
  private final HttpClient http = HttpClient.newHttpClient();

  /** Throws once, when the test arms it, at a record after it heard that a checkpoint completed. */
  static final class FailOnceArmed implements MapFunction<Long, Long>, CheckpointListener {
    @Override
    public Long map(Long value) {
      if (ARMED.get() && HEARD_BEFORE_FAILURE.get() > 0 && FAILED.compareAndSet(false, true)) {
        throw new IllegalStateException("injected failure at record " + value);
      }
      return value;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      if (!FAILED.get()) {
        HEARD_BEFORE_FAILURE.accumulateAndGet(checkpointId, Math::max);
      }
    }
  }

  private JsonNode checkpoints(String base, String jobId) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/jobs/" + jobId + "/checkpoints"))
        .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private JsonNode awaitCheckpoints(String base, String jobId, String what, Predicate<JsonNode> condition) {
    return Await.untilMatches(Duration.ofSeconds(60), what, () -> checkpoints(base, jobId), condition);
  }

  @Test
  void theCheckpointsRouteNamesTheCheckpointARestartRestored() throws Exception {
    Configuration conf = new Configuration();
    conf.set(RestOptions.LOCAL_ENABLED, true);
    conf.set(RestOptions.BIND_PORT, "0");
    conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(50));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(2);
    env.setRestartStrategy(RestartStrategies.fixedDelayRestart(3, Duration.ofMillis(20)));
    env.fromSequence(1, Long.MAX_VALUE).map(new FailOnceArmed()).keyBy(x -> x % 5).map(x -> x).uid("mapper").discard();
    ClusterJobClient job = (ClusterJobClient) env.executeAsync("restored");
    try {
      String base = job.restUrl();
      String id = job.getJobID().toString();

      JsonNode before = awaitCheckpoints(base, id, "a completed checkpoint",
          body -> body.get("history").findValuesAsText("status").contains("COMPLETED"));
      assertThat(before.get("latest").get("restored").isNull()).as("%s", before).isTrue();
      assertThat(before.get("counts").get("restored").asLong()).isZero();

      ARMED.set(true);
      JsonNode after = awaitCheckpoints(base, id, "a restore", body -> body.get("counts").get("restored").asLong() > 0);
      assertThat(FAILED).isTrue();
      JsonNode restored = after.get("latest").get("restored");
      assertThat(restored.get("id").asLong()).isGreaterThanOrEqualTo(HEARD_BEFORE_FAILURE.get()).isPositive();
      assertThat(restored.get("is_savepoint").asBoolean()).isFalse();
      assertThat(restored.get("restore_timestamp").asLong()).isPositive();
      assertThat(after.get("counts").get("restored").asLong()).isEqualTo(1);

      job.cancel().get(20, TimeUnit.SECONDS);
      RestoredCheckpoint ended = job.getLatestRestore().get(20, TimeUnit.SECONDS);
      assertThat(ended).isEqualTo(new RestoredCheckpoint(restored.get("id").asLong(), false,
          restored.get("restore_timestamp").asLong(), 1));
    } finally {
      if (!job.getJobExecutionResult().isDone()) {
        job.cancel().get(20, TimeUnit.SECONDS);
      }
    }
  }
}
