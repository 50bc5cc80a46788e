package io.spate.runtime.jobmaster.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.IllegalConfigurationException;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RestartBackoffTimeStrategyFactoryTest {

  private static RestartBackoffTimeStrategy create(Map<String, String> values, boolean checkpointing) {
    return RestartBackoffTimeStrategyFactory.create(Configuration.fromMap(values), checkpointing, () -> 0L,
        new Random(0));
  }

  @Test
  void unsetMeansExponentialDelayWithCheckpointingAndNoRestartWithout() {
    assertThat(create(Map.of(), false)).isSameAs(NoRestartBackoffTimeStrategy.INSTANCE);
    assertThat(create(Map.of(), true)).isInstanceOf(ExponentialDelayRestartBackoffTimeStrategy.class)
        .hasToString("exponential delay: from 1 s times 1.5 up to 1 min, jitter 10%, back to 1 s after 1 h without"
            + " failure, unlimited attempts");
  }

  @Test
  void readsEachStrategysOptions() {
    assertThat(create(Map.of("restart-strategy.type", "fixeddelay", "restart-strategy.fixed-delay.attempts", "3",
        "restart-strategy.fixed-delay.delay", "10 s"), true))
        .hasToString("fixed delay: 3 attempts, 10 s apart");
    assertThat(create(Map.of("restart-strategy.type", "failure-rate",
        "restart-strategy.failure-rate.max-failures-per-interval", "4",
        "restart-strategy.failure-rate.failure-rate-interval", "2 h",
        "restart-strategy.failure-rate.delay", "1500 ms"), false))
        .hasToString("failure rate: at most 4 restarts per 2 h, 1500 ms after each failure");
    assertThat(create(Map.of("restart-strategy.type", "exponential-delay",
        "restart-strategy.exponential-delay.initial-backoff", "100 ms",
        "restart-strategy.exponential-delay.max-backoff", "30 s",
        "restart-strategy.exponential-delay.backoff-multiplier", "2",
        "restart-strategy.exponential-delay.reset-backoff-threshold", "10 min",
        "restart-strategy.exponential-delay.jitter-factor", "0.25",
        "restart-strategy.exponential-delay.attempts-before-reset-backoff", "7"), false))
        .hasToString("exponential delay: from 100 ms times 2.0 up to 30 s, jitter 25%, back to 100 ms after 10 min"
            + " without failure, 7 attempts before that");
    assertThat(create(Map.of("restart-strategy.type", "disable"), true)).isSameAs(NoRestartBackoffTimeStrategy.INSTANCE);
  }

  @Test
  void badValuesNameTheOption() {
    assertThatThrownBy(() -> create(Map.of("restart-strategy.type", "fixed-delay",
        "restart-strategy.fixed-delay.attempts", "many"), false))
        .isInstanceOf(IllegalConfigurationException.class)
        .hasMessageContaining("restart-strategy.fixed-delay.attempts").hasMessageContaining("'many'");
    assertThatThrownBy(() -> create(Map.of("restart-strategy.type", "exponential-delay",
        "restart-strategy.exponential-delay.max-backoff", "10 ms"), false))
        .isInstanceOf(IllegalConfigurationException.class)
        .hasMessageContaining("restart-strategy.exponential-delay.max-backoff")
        .hasMessageContaining("restart-strategy.exponential-delay.initial-backoff");
    assertThatThrownBy(() -> create(Map.of("restart-strategy.type", "backoff"), false))
        .isInstanceOf(IllegalConfigurationException.class)
        .hasMessageContaining("restart-strategy.type").hasMessageContaining("'backoff'");
  }
}
