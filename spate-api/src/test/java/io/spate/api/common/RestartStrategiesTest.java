package io.spate.api.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import io.spate.api.configuration.CheckpointingOptions;
import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.IllegalConfigurationException;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.serialization.BasicValueGenerators;
import io.spate.api.windowing.time.Time;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

class RestartStrategiesTest {

  @Test
  void withoutATypeItIsExponentialDelayWithCheckpointingAndNoneWithout() {
    assertThat(RestartStrategies.fromConfiguration(new Configuration(), false)).isEqualTo(new RestartStrategy.NoRestart());
    assertThat(RestartStrategies.fromConfiguration(new Configuration(), true)).isEqualTo(
        new RestartStrategy.ExponentialDelay(Duration.ofSeconds(1), Duration.ofMinutes(1), 1.5,
            Duration.ofHours(1), 0.1, Integer.MAX_VALUE));
    Configuration withInterval = Configuration.fromMap(Map.of("execution.checkpointing.interval", "1 s"));
    assertThat(RestartStrategies.fromConfiguration(withInterval, CheckpointingOptions.isCheckpointingEnabled(withInterval)))
        .isInstanceOf(RestartStrategy.ExponentialDelay.class);
    withInterval.setString("execution.runtime-mode", "batch");
    assertThat(RestartStrategies.fromConfiguration(withInterval, CheckpointingOptions.isCheckpointingEnabled(withInterval)))
        .isEqualTo(new RestartStrategy.NoRestart());
  }

  @Test
  void flinksDefaultsApplyToOptionsLeftUnset() {
    assertThat(fromType("fixed-delay")).isEqualTo(new RestartStrategy.FixedDelay(1, Duration.ofSeconds(1)));
    assertThat(fromType("failure-rate"))
        .isEqualTo(new RestartStrategy.FailureRate(1, Duration.ofMinutes(1), Duration.ofSeconds(1)));
    RestartStrategy.ExponentialDelay exponential = (RestartStrategy.ExponentialDelay) fromType("exponential-delay");
    assertThat(exponential.attemptsBeforeReset()).isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void acceptsFlinksAliases() {
    for (String alias : new String[] {"none", "off", "disable", "OFF"}) {
      assertThat(fromType(alias)).isInstanceOf(RestartStrategy.NoRestart.class);
    }
    assertThat(fromType("fixeddelay")).isInstanceOf(RestartStrategy.FixedDelay.class);
    assertThat(fromType(" Fixed-Delay ")).isInstanceOf(RestartStrategy.FixedDelay.class);
    assertThat(fromType("failurerate")).isInstanceOf(RestartStrategy.FailureRate.class);
    assertThat(fromType("exponentialdelay")).isInstanceOf(RestartStrategy.ExponentialDelay.class);
    assertThat(RestartStrategies.fromConfiguration(
            Configuration.fromMap(Map.of("restart-strategy.type", "none")), true))
        .as("an explicit type wins over the checkpointing default").isEqualTo(new RestartStrategy.NoRestart());
  }

  @Test
  void anUnknownTypeNamesTheOptionAndTheChoices() {
    assertThatThrownBy(() -> fromType("sometimes"))
        .isInstanceOf(IllegalConfigurationException.class)
        .hasMessageContaining("restart-strategy.type")
        .hasMessageContaining("'sometimes'")
        .hasMessageContaining("fixed-delay");
  }

  @Test
  void outOfRangeValuesNameTheirOption() {
    assertRejected(Map.of("restart-strategy.type", "fixed-delay", "restart-strategy.fixed-delay.attempts", "-1"),
        "restart-strategy.fixed-delay.attempts", "-1");
    assertRejected(Map.of("restart-strategy.type", "fixed-delay", "restart-strategy.fixed-delay.delay", "a while"),
        "restart-strategy.fixed-delay.delay", "a while");
    assertRejected(Map.of("restart-strategy.type", "failure-rate",
        "restart-strategy.failure-rate.max-failures-per-interval", "0"),
        "restart-strategy.failure-rate.max-failures-per-interval", "at least 1");
    assertRejected(Map.of("restart-strategy.type", "failure-rate",
        "restart-strategy.failure-rate.failure-rate-interval", "0 s"),
        "restart-strategy.failure-rate.failure-rate-interval", "at least 1 ms");
    assertRejected(Map.of("restart-strategy.type", "exponential-delay",
        "restart-strategy.exponential-delay.initial-backoff", "0 ms"),
        "restart-strategy.exponential-delay.initial-backoff", "0 ms");
    assertRejected(Map.of("restart-strategy.type", "exponential-delay",
        "restart-strategy.exponential-delay.initial-backoff", "2 min"),
        "restart-strategy.exponential-delay.max-backoff", "must not be below");
    assertRejected(Map.of("restart-strategy.type", "exponential-delay",
        "restart-strategy.exponential-delay.backoff-multiplier", "0.5"),
        "restart-strategy.exponential-delay.backoff-multiplier", "0.5");
    assertRejected(Map.of("restart-strategy.type", "exponential-delay",
        "restart-strategy.exponential-delay.backoff-multiplier", "NaN"),
        "restart-strategy.exponential-delay.backoff-multiplier", "NaN");
    assertRejected(Map.of("restart-strategy.type", "exponential-delay",
        "restart-strategy.exponential-delay.jitter-factor", "1.5"),
        "restart-strategy.exponential-delay.jitter-factor", "between 0 and 1");
    assertRejected(Map.of("restart-strategy.type", "exponential-delay",
        "restart-strategy.exponential-delay.reset-backoff-threshold", "0 s"),
        "restart-strategy.exponential-delay.reset-backoff-threshold", "at least 1 ms");
    assertRejected(Map.of("restart-strategy.type", "exponential-delay",
        "restart-strategy.exponential-delay.attempts-before-reset-backoff", "0"),
        "restart-strategy.exponential-delay.attempts-before-reset-backoff", "at least 1");
  }

  @Test
  void optionsOfAnotherStrategyAreNotChecked() {
    Configuration conf = Configuration.fromMap(Map.of("restart-strategy.type", "fixed-delay",
        "restart-strategy.exponential-delay.jitter-factor", "7"));
    assertThat(RestartStrategies.fromConfiguration(conf, true)).isInstanceOf(RestartStrategy.FixedDelay.class);
  }

  @Test
  void factoryMethodsRejectBadArgumentsNamingTheOption() {
    assertThatThrownBy(() -> RestartStrategies.fixedDelayRestart(-2, Duration.ofSeconds(1)))
        .hasMessageContaining("restart-strategy.fixed-delay.attempts");
    assertThatThrownBy(() -> RestartStrategies.fixedDelayRestart(1, Duration.ofSeconds(-1)))
        .hasMessageContaining("restart-strategy.fixed-delay.delay").hasMessageContaining("-1000 ms");
    assertThatThrownBy(() -> RestartStrategies.failureRateRestart(3, Duration.ZERO, Duration.ZERO))
        .hasMessageContaining("restart-strategy.failure-rate.failure-rate-interval");
    assertThatThrownBy(() -> RestartStrategies.exponentialDelayRestart(
            Duration.ofSeconds(1), Duration.ofSeconds(10), 2, Duration.ofHours(1), -0.1))
        .hasMessageContaining("restart-strategy.exponential-delay.jitter-factor");
  }

  @Test
  void theEnvironmentWritesTheStrategyIntoItsConfiguration() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    assertThat(env.getRestartStrategy()).isEqualTo(RestartStrategies.noRestart());
    env.enableCheckpointing(100);
    assertThat(env.getRestartStrategy()).isInstanceOf(RestartStrategies.ExponentialDelayRestartStrategyConfiguration.class);
    env.setRestartStrategy(RestartStrategies.fixedDelayRestart(3, Duration.ofSeconds(10)));
    assertThat(env.getConfiguration().toMap())
        .containsEntry("restart-strategy.type", "fixed-delay")
        .containsEntry("restart-strategy.fixed-delay.attempts", "3")
        .containsEntry("restart-strategy.fixed-delay.delay", "10000 ms");
    assertThat(env.getRestartStrategy()).isEqualTo(RestartStrategies.fixedDelayRestart(3, Duration.ofSeconds(10)));
    env.setRestartStrategy(RestartStrategies.noRestart());
    assertThat(env.getRestartStrategy()).isEqualTo(RestartStrategies.noRestart());
  }

  @Test
  void configureRejectsABadRestartStrategy() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    assertThatThrownBy(() -> env.configure(Configuration.fromMap(Map.of("restart-strategy.type", "retry"))))
        .isInstanceOf(IllegalConfigurationException.class)
        .hasMessageContaining("restart-strategy.type");
  }

  @Test
  void aStrategyReadsBackFromTheConfigurationItWrites() {
    qt().forAll(strategies()).checkAssert(strategy -> {
      Configuration conf = new Configuration(strategy.toConfiguration());
      assertThat(RestartStrategies.fromConfiguration(conf, false)).isEqualTo(strategy);
      assertThat(RestartStrategies.fromConfiguration(conf, true)).isEqualTo(strategy);
    });
  }

  private static Gen<RestartStrategy> strategies() {
    Gen<Duration> delays = SourceDSL.longs().between(0, 86_400_000).map(Duration::ofMillis);
    Gen<Duration> positive = SourceDSL.longs().between(1, 86_400_000).map(Duration::ofMillis);
    Gen<RestartStrategy> fixed = SourceDSL.integers().between(0, 1000).zip(delays, RestartStrategy.FixedDelay::new);
    Gen<RestartStrategy> rate =
        SourceDSL.integers().between(1, 1000).zip(positive, delays, RestartStrategy.FailureRate::new);
    // The two delays ordered, then the other four parameters: QuickTheories zips at most five generators.
    Gen<Duration[]> bounds = positive.zip(positive, (a, b) -> a.compareTo(b) <= 0 ? new Duration[] {a, b} : new Duration[] {b, a});
    Gen<RestartStrategy> exponential = bounds.zip(
        BasicValueGenerators.doubles(1, 10), positive, BasicValueGenerators.doubles(0, 1),
        SourceDSL.integers().between(1, Integer.MAX_VALUE),
        (delay, multiplier, reset, jitter, attempts) -> RestartStrategies.exponentialDelayRestart(
            delay[0], delay[1], multiplier, reset, jitter, attempts));
    return Generate.oneOf(Generate.constant(new RestartStrategy.NoRestart()), fixed, rate, exponential);
  }

  private static RestartStrategy fromType(String type) {
    return RestartStrategies.fromConfiguration(Configuration.fromMap(Map.of("restart-strategy.type", type)), false);
  }

  private static void assertRejected(Map<String, String> values, String expectedKey, String expectedText) {
    assertThatThrownBy(() -> RestartStrategies.fromConfiguration(Configuration.fromMap(values), false))
        .isInstanceOf(IllegalConfigurationException.class)
        .hasMessageContaining(expectedKey)
        .hasMessageContaining(expectedText);
  }

  // ---------------------------------------------------------------- Flink's configuration classes

  @Test
  void flinksConfigurationClassesGiveBackTheirValues() {
    RestartStrategies.FixedDelayRestartStrategyConfiguration fixed =
        (RestartStrategies.FixedDelayRestartStrategyConfiguration) RestartStrategies.fixedDelayRestart(3, 1_500L);
    assertThat(fixed.getRestartAttempts()).isEqualTo(3);
    assertThat(fixed.getDurationBetweenAttempts()).isEqualTo(Duration.ofMillis(1_500));
    assertThat(fixed.getDelayBetweenAttemptsInterval().toMilliseconds()).isEqualTo(1_500);
    assertThat(fixed.getDescription()).contains("3").contains("1500 ms");
    assertThat(fixed).hasToString(fixed.getDescription());

    RestartStrategies.FailureRateRestartStrategyConfiguration rate =
        RestartStrategies.failureRateRestart(2, Time.minutes(5), Time.seconds(3));
    assertThat(rate.getMaxFailureRate()).isEqualTo(2);
    assertThat(rate.getFailureIntervalDuration()).isEqualTo(Duration.ofMinutes(5));
    assertThat(rate.getFailureInterval()).isEqualTo(Time.minutes(5));
    assertThat(rate.getDurationBetweenAttempts()).isEqualTo(Duration.ofSeconds(3));
    assertThat(rate.getDelayBetweenAttemptsInterval()).isEqualTo(Time.seconds(3));
    assertThat(rate).isEqualTo(new RestartStrategies.FailureRateRestartStrategyConfiguration(
        2, Duration.ofMinutes(5), Duration.ofSeconds(3)));

    RestartStrategies.ExponentialDelayRestartStrategyConfiguration exponential = RestartStrategies.exponentialDelayRestart(
        Time.milliseconds(10), Time.seconds(1), 2.0, Time.minutes(1), 0.25);
    assertThat(exponential.getInitialBackoffDuration()).isEqualTo(Duration.ofMillis(10));
    assertThat(exponential.getInitialBackoff()).isEqualTo(Time.milliseconds(10));
    assertThat(exponential.getMaxBackoffDuration()).isEqualTo(Duration.ofSeconds(1));
    assertThat(exponential.getMaxBackoff()).isEqualTo(Time.seconds(1));
    assertThat(exponential.getBackoffMultiplier()).isEqualTo(2.0);
    assertThat(exponential.getResetBackoffDurationThreshold()).isEqualTo(Duration.ofMinutes(1));
    assertThat(exponential.getResetBackoffThreshold()).isEqualTo(Time.minutes(1));
    assertThat(exponential.getJitterFactor()).isEqualTo(0.25);
    assertThat(exponential).isEqualTo(new RestartStrategies.ExponentialDelayRestartStrategyConfiguration(
        Time.milliseconds(10), Time.seconds(1), 2.0, Time.minutes(1), 0.25));

    assertThat(RestartStrategies.noRestart()).isEqualTo(new RestartStrategies.NoRestartStrategyConfiguration())
        .isNotEqualTo(RestartStrategies.fallBackRestart());
    assertThat(RestartStrategies.fallBackRestart().getDescription()).contains("cluster");
    assertThat(new RestartStrategies()).isNotNull();
  }

  @Test
  void flinksFromConfigurationIsEmptyWithoutATypeAndReadsBackEachStrategy() {
    assertThat(RestartStrategies.fromConfiguration(new Configuration())).isEmpty();
    assertThat(RestartStrategies.fromConfiguration(Configuration.fromMap(Map.of("restart-strategy", "none"))))
        .contains(RestartStrategies.noRestart());
    qt().forAll(flinkConfigurations()).checkAssert(strategy ->
        assertThat(RestartStrategies.fromConfiguration(strategy.toConfiguration())).contains(strategy));
  }

  @Test
  void equalFlinkConfigurationsHaveEqualHashCodes() {
    qt().forAll(flinkConfigurations()).checkAssert(strategy -> {
      RestartStrategies.RestartStrategyConfiguration again =
          RestartStrategies.fromConfiguration(strategy.toConfiguration()).orElseThrow();
      assertThat(again).isEqualTo(strategy);
      assertThat(again.hashCode()).isEqualTo(strategy.hashCode());
    });
  }

  @Test
  void aNewStrategyReplacesEveryOptionOfThePreviousOne() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.setRestartStrategy(RestartStrategies.exponentialDelayRestart(
        Duration.ofMillis(5), Duration.ofMillis(50), 2, Duration.ofMinutes(1), 0));
    env.setRestartStrategy(RestartStrategies.fixedDelayRestart(1, 10L));
    assertThat(env.getConfiguration().toMap().keySet()).noneMatch(key -> key.contains("exponential"));
    env.setRestartStrategy(RestartStrategies.fallBackRestart());
    assertThat(env.getConfiguration().toMap().keySet()).noneMatch(key -> key.startsWith("restart-strategy"));
  }

  private static Gen<RestartStrategies.RestartStrategyConfiguration> flinkConfigurations() {
    Gen<Duration> delays = SourceDSL.longs().between(0, 86_400_000).map(Duration::ofMillis);
    Gen<Duration> positive = SourceDSL.longs().between(1, 86_400_000).map(Duration::ofMillis);
    Gen<RestartStrategies.RestartStrategyConfiguration> fixed =
        SourceDSL.integers().between(0, 1000).zip(delays, RestartStrategies::fixedDelayRestart);
    Gen<RestartStrategies.RestartStrategyConfiguration> rate =
        SourceDSL.integers().between(1, 1000).zip(positive, delays, RestartStrategies::failureRateRestart);
    Gen<Duration[]> bounds = positive.zip(positive, (a, b) -> a.compareTo(b) <= 0 ? new Duration[] {a, b} : new Duration[] {b, a});
    Gen<RestartStrategies.RestartStrategyConfiguration> exponential = bounds.zip(
        BasicValueGenerators.doubles(1, 10), positive, BasicValueGenerators.doubles(0, 1),
        (delay, multiplier, reset, jitter) -> RestartStrategies.exponentialDelayRestart(
            delay[0], delay[1], multiplier, reset, jitter));
    return Generate.oneOf(Generate.constant(RestartStrategies.noRestart()), fixed, rate, exponential);
  }
}
