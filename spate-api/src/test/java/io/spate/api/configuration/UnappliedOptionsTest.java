package io.spate.api.configuration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link UnappliedOptions}: which settings a job is warned about, and why. */
class UnappliedOptionsTest {

  @Test
  void keysOfFlinkFamiliesSpateHasNoCounterpartForAreNamedWithTheAlternative() {
    Configuration conf = Configuration.fromMap(Map.of(
        "web.submit.enable", "false",
        "taskmanager.network.memory.buffers-per-channel", "4",
        "parallelism.default", "2",
        "my.own.key", "x"));
    assertThat(UnappliedOptions.describe(conf)).containsExactly(
        "taskmanager.network.memory.buffers-per-channel is not applied: Spate's network is sized in batches"
            + " (taskmanager.network.batch-size, taskmanager.network.channel-capacity).",
        "web.submit.enable is not applied: Spate's web UI is served with its REST API, on the REST port, and is"
            + " configured with rest.* (web.checkpoints.history is the one web.* option it applies).");
  }

  @Test
  void valuesThatAreWhatSpateDoesAnywayAreNotReported() {
    Configuration conf = new Configuration()
        .set(PipelineOptions.LATENCY_INTERVAL, java.time.Duration.ZERO)
        .set(CheckpointingOptions.SNAPSHOT_COMPRESSION, false)
        .set(PipelineOptions.CLOSURE_CLEANER_LEVEL, io.spate.api.common.ExecutionConfig.ClosureCleanerLevel.NONE);
    assertThat(UnappliedOptions.describe(conf)).isEmpty();
  }

  @Test
  void flinksFileSystemLimitsHaveFlinksKeysAndAreReportedWhenSet() {
    Configuration conf = new Configuration()
        .set(CoreOptions.fileSystemConnectionLimit("s3"), 10)
        .set(CoreOptions.fileSystemConnectionLimitIn("s3"), 4)
        .set(CoreOptions.fileSystemConnectionLimitOut("s3"), 6)
        .set(CoreOptions.fileSystemConnectionLimitTimeout("s3"), 1_000L)
        .set(CoreOptions.fileSystemConnectionLimitStreamInactivityTimeout("s3"), 2_000L);
    assertThat(conf.keySet()).containsExactly("fs.s3.limit.total", "fs.s3.limit.input", "fs.s3.limit.output",
        "fs.s3.limit.timeout", "fs.s3.limit.stream-timeout");
    assertThat(CoreOptions.fileSystemConnectionLimit("hdfs").defaultValue()).isEqualTo(-1);
    assertThat(CoreOptions.fileSystemConnectionLimitTimeout("hdfs").defaultValue()).isZero();
    assertThat(UnappliedOptions.describe(conf)).hasSize(5)
        .allMatch(line -> line.startsWith("fs.s3.limit.") && line.contains("local files only"));
  }
}
