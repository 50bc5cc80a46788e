package io.spate.api.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.IllegalConfigurationException;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.serialization.BasicValueGenerators;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

class RestartStrategiesTest {

  @Test
  void withoutATypeItIsExponentialDelayWithCheckpointingAndNoneWithout() {
    assertThat(RestartStrategies.fromConfiguration(new Configuration(), false)).isEqualTo(RestartStrategies.noRestart());
    assertThat(RestartStrategies.fromConfiguration(new Configuration(), true)).isEqualTo(
        RestartStrategies.exponentialDelayRestart(Duration.ofSeconds(1), Duration.ofMinutes(1), 1.5,
            Duration.ofHours(1), 0.1));
    Configuration withInterval = Configuration.fromMap(Map.of("execution.checkpointing.interval", "1 s"));
    assertThat(RestartStrategies.fromConfiguration(withInterval)).isInstanceOf(RestartStrategy.ExponentialDelay.class);
    withInterval.setString("execution.runtime-mode", "batch");
    assertThat(RestartStrategies.fromConfiguration(withInterval)).isEqualTo(RestartStrategies.noRestart());
  }

  @Test
  void flinksDefaultsApplyToOptionsLeftUnset() {
    assertThat(fromType("fixed-delay")).isEqualTo(RestartStrategies.fixedDelayRestart(1, Duration.ofSeconds(1)));
    assertThat(fromType("failure-rate"))
        .isEqualTo(RestartStrategies.failureRateRestart(1, Duration.ofMinutes(1), Duration.ofSeconds(1)));
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
        .as("an explicit type wins over the checkpointing default").isEqualTo(RestartStrategies.noRestart());
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
    assertThat(env.getRestartStrategy()).isInstanceOf(RestartStrategy.ExponentialDelay.class);
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
    Gen<RestartStrategy> fixed = SourceDSL.integers().between(0, 1000).zip(delays, RestartStrategies::fixedDelayRestart);
    Gen<RestartStrategy> rate =
        SourceDSL.integers().between(1, 1000).zip(positive, delays, RestartStrategies::failureRateRestart);
    // The two delays ordered, then the other four parameters: QuickTheories zips at most five generators.
    Gen<Duration[]> bounds = positive.zip(positive, (a, b) -> a.compareTo(b) <= 0 ? new Duration[] {a, b} : new Duration[] {b, a});
    Gen<RestartStrategy> exponential = bounds.zip(
        BasicValueGenerators.doubles(1, 10), positive, BasicValueGenerators.doubles(0, 1),
        SourceDSL.integers().between(1, Integer.MAX_VALUE),
        (delay, multiplier, reset, jitter, attempts) -> RestartStrategies.exponentialDelayRestart(
            delay[0], delay[1], multiplier, reset, jitter, attempts));
    return Generate.oneOf(Generate.constant(RestartStrategies.noRestart()), fixed, rate, exponential);
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
}
