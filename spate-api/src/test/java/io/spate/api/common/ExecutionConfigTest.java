package io.spate.api.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.CoreOptions;
import io.spate.api.configuration.UnappliedOptions;
import io.spate.api.datastream.StreamExecutionEnvironment;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Flink's members of {@link ExecutionConfig}: each writes the option the job reads, or is logged where Spate has no such thing. */
class ExecutionConfigTest {

  @Test
  void parallelismSettersWriteTheJobOptions() {
    Configuration conf = new Configuration();
    ExecutionConfig config = new ExecutionConfig(conf);
    assertThat(config.setParallelism(3)).isSameAs(config);
    assertThat(conf.get(CoreOptions.DEFAULT_PARALLELISM)).isEqualTo(3);
    config.setParallelism(ExecutionConfig.PARALLELISM_DEFAULT);
    assertThat(conf.contains(CoreOptions.DEFAULT_PARALLELISM)).isFalse();
    assertThatThrownBy(() -> config.setParallelism(0)).hasMessageContaining("at least 1").hasMessageContaining("0");
    config.setMaxParallelism(256);
    assertThat(config.getMaxParallelism()).isEqualTo(256);
    assertThatThrownBy(() -> config.setMaxParallelism(40_000)).hasMessageContaining("40000");
    assertThat(new ExecutionConfig().getMaxParallelism()).isEqualTo(128);
  }

  @Test
  void theEnvironmentsConfigIsTheOneItRuns() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.getConfig().setParallelism(5);
    assertThat(env.getParallelism()).isEqualTo(5);
  }

  @Test
  void restartStrategySetOnTheConfigDrivesTheEnvironmentsStrategy() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    ExecutionConfig config = env.getConfig();
    assertThat(config.getRestartStrategy()).isEqualTo(new RestartStrategies.FallbackRestartStrategyConfiguration());
    config.setRestartStrategy(RestartStrategies.fixedDelayRestart(4, 250L));
    assertThat(config.getRestartStrategy()).isEqualTo(RestartStrategies.fixedDelayRestart(4, Duration.ofMillis(250)));
    assertThat(env.getRestartStrategy()).isEqualTo(RestartStrategies.fixedDelayRestart(4, Duration.ofMillis(250)));
    config.setRestartStrategy(RestartStrategies.failureRateRestart(2, Duration.ofMinutes(1), Duration.ofSeconds(1)));
    assertThat(env.getConfiguration().toMap()).doesNotContainKey("restart-strategy.fixed-delay.attempts");
    assertThat(env.getRestartStrategy()).isInstanceOf(RestartStrategies.FailureRateRestartStrategyConfiguration.class);
    config.setRestartStrategy(RestartStrategies.fallBackRestart());
    assertThat(env.getConfiguration().toMap().keySet()).noneMatch(key -> key.startsWith("restart-strategy"));
    assertThat(env.getRestartStrategy()).as("no checkpointing: the default is none").isEqualTo(RestartStrategies.noRestart());
  }

  @Test
  void executionRetriesAreAFixedDelayStrategy() {
    ExecutionConfig config = new ExecutionConfig();
    assertThat(config.getNumberOfExecutionRetries()).isEqualTo(-1);
    config.setExecutionRetryDelay(300).setNumberOfExecutionRetries(2);
    assertThat(config.getRestartStrategy()).isEqualTo(RestartStrategies.fixedDelayRestart(2, 300L));
    assertThat(config.getNumberOfExecutionRetries()).isEqualTo(2);
    assertThat(config.getExecutionRetryDelay()).isEqualTo(300);
    config.setNumberOfExecutionRetries(-1);
    assertThat(config.getRestartStrategy()).isInstanceOf(RestartStrategies.FallbackRestartStrategyConfiguration.class);
    assertThatThrownBy(() -> config.setNumberOfExecutionRetries(-2)).hasMessageContaining("-2");
    assertThatThrownBy(() -> config.setExecutionRetryDelay(-5)).hasMessageContaining("-5 ms");
  }

  @Test
  void settingsSpateDoesNotApplyAreStoredAndReportedForTheLog() {
    ExecutionConfig config = new ExecutionConfig();
    Configuration conf = new Configuration();
    ExecutionConfig onConf = new ExecutionConfig(conf);
    assertThat(config.isClosureCleanerEnabled()).as("Spate cleans nothing").isFalse();
    assertThat(UnappliedOptions.describe(conf)).isEmpty();
    onConf.enableClosureCleaner();
    assertThat(onConf.getClosureCleanerLevel()).isEqualTo(ExecutionConfig.ClosureCleanerLevel.RECURSIVE);
    onConf.setLatencyTrackingInterval(100);
    assertThat(onConf.getLatencyTrackingInterval()).isEqualTo(100);
    onConf.setTaskCancellationInterval(5_000).setTaskCancellationTimeout(0);
    assertThat(onConf.getTaskCancellationInterval()).isEqualTo(5_000);
    assertThat(onConf.getTaskCancellationTimeout()).isZero();
    onConf.setUseSnapshotCompression(true);
    assertThat(onConf.isUseSnapshotCompression()).isTrue();
    assertThat(UnappliedOptions.describe(conf)).satisfiesExactly(
        line -> assertThat(line).startsWith("pipeline.closure-cleaner-level = RECURSIVE is not applied"),
        line -> assertThat(line).startsWith("metrics.latency.interval = 100 ms is not applied"),
        line -> assertThat(line).startsWith("task.cancellation.interval = 5000 is not applied"),
        line -> assertThat(line).startsWith("task.cancellation.timeout = 0 is not applied"),
        line -> assertThat(line).startsWith("execution.checkpointing.snapshot-compression = true is not applied"));
    onConf.disableClosureCleaner();
    onConf.setLatencyTrackingInterval(-1);
    assertThat(onConf.getLatencyTrackingInterval()).as("0 or less turns markers off").isZero();
    onConf.setUseSnapshotCompression(false);
    assertThat(UnappliedOptions.describe(conf)).hasSize(2).allMatch(line -> line.startsWith("task.cancellation"));
    assertThatThrownBy(() -> onConf.setTaskCancellationInterval(0)).hasMessageContaining("0 ms");
    assertThatThrownBy(() -> onConf.setTaskCancellationTimeout(-1)).hasMessageContaining("-1 ms");
  }

  @Test
  void withoutAutoGeneratedUidsEveryOperatorNeedsOne() {
    StreamExecutionEnvironment env = withoutGeneratedUids();
    env.fromData(1, 2).uid("numbers").map(x -> x + 1).print();
    assertThatThrownBy(() -> env.getStreamGraph("uids"))
        .isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("no uid").hasMessageContaining("pipeline.auto-generate-uids");
    StreamExecutionEnvironment named = withoutGeneratedUids();
    named.fromData(1, 2).uid("numbers").map(x -> x + 1).uid("plus-one").print().uid("out");
    assertThat(named.getStreamGraph("uids").transformations()).isNotEmpty();
    StreamExecutionEnvironment generated = withoutGeneratedUids();
    generated.getConfig().enableAutoGeneratedUIDs();
    assertThat(generated.getConfig().hasAutoGeneratedUIDsEnabled()).isTrue();
    generated.fromData(1, 2).map(x -> x).print();
    assertThat(generated.getStreamGraph("generated").transformations()).isNotEmpty();
  }

  private static StreamExecutionEnvironment withoutGeneratedUids() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    assertThat(env.getConfig().hasAutoGeneratedUIDsEnabled()).isTrue();
    env.getConfig().disableAutoGeneratedUIDs();
    assertThat(env.getConfig().hasAutoGeneratedUIDsEnabled()).isFalse();
    return env;
  }

  @Test
  void kryoRegistriesAreEmptyAndAutoRegistrationCanBeTurnedOff() {
    ExecutionConfig config = new ExecutionConfig();
    assertThat(config.getRegisteredTypesWithKryoSerializers()).isEmpty();
    assertThat(config.getRegisteredTypesWithKryoSerializerClasses()).isEmpty();
    assertThat(config.getDefaultKryoSerializers()).isEmpty();
    assertThat(config.getDefaultKryoSerializerClasses()).isEmpty();
    assertThat(config.isAutoTypeRegistrationDisabled()).isFalse();
    config.disableAutoTypeRegistration();
    assertThat(config.isAutoTypeRegistrationDisabled()).isTrue();
    assertThat(new ExecutionConfig.SerializableSerializer<>("s").getSerializer()).isEqualTo("s");
  }

  @Test
  void configureCopiesTheOptionsThisConfigReads() {
    ExecutionConfig config = new ExecutionConfig();
    config.setParallelism(2);
    config.configure(Configuration.fromMap(Map.of(
        "pipeline.max-parallelism", "64", "pipeline.object-reuse", "true", "pipeline.auto-generate-uids", "false",
        "restart-strategy.type", "fixed-delay", "restart-strategy.fixed-delay.attempts", "7")),
        getClass().getClassLoader());
    assertThat(config.getParallelism()).as("not set in the configuration: kept").isEqualTo(2);
    assertThat(config.getMaxParallelism()).isEqualTo(64);
    assertThat(config.isObjectReuseEnabled()).isTrue();
    assertThat(config.hasAutoGeneratedUIDsEnabled()).isFalse();
    assertThat(config.getNumberOfExecutionRetries()).isEqualTo(7);
  }

  @Test
  void equalSettingsMakeEqualConfigs() {
    ExecutionConfig a = new ExecutionConfig().setParallelism(3);
    ExecutionConfig b = new ExecutionConfig().setParallelism(3);
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a.canEqual(b)).isTrue();
    assertThat(a.canEqual("config")).isFalse();
    b.disableAutoTypeRegistration();
    assertThat(a).isNotEqualTo(b);
    b = new ExecutionConfig().setParallelism(3);
    b.setGlobalJobParameters(new Configuration().setString("k", "v"));
    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void asynchronousStateSettingsAreKeptAndReported() {
    Configuration conf = new Configuration();
    ExecutionConfig config = new ExecutionConfig(conf);
    assertThat(config.getAsyncInflightRecordsLimit()).as("Flink's default").isEqualTo(6000);
    assertThat(config.getAsyncStateBufferSize()).isEqualTo(1000);
    assertThat(config.getAsyncStateBufferTimeout()).isEqualTo(1000L);
    config.setAsyncInflightRecordsLimit(10).setAsyncStateBufferSize(20).setAsyncStateBufferTimeout(30);
    assertThat(config.getAsyncInflightRecordsLimit()).isEqualTo(10);
    assertThat(config.getAsyncStateBufferSize()).isEqualTo(20);
    assertThat(config.getAsyncStateBufferTimeout()).isEqualTo(30L);
    assertThat(UnappliedOptions.describe(conf)).hasSize(3)
        .allMatch(line -> line.startsWith("execution.async-state.") && line.contains("no asynchronous state"));
    assertThatThrownBy(() -> config.setAsyncStateBufferSize(0)).hasMessageContaining("buffer size")
        .hasMessageContaining("0");
  }
}
