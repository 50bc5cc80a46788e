package io.spate.runtime.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.IllegalConfigurationException;
import org.junit.jupiter.api.Test;

/** The heartbeat options: Flink's defaults, and a timeout that must outlast the interval. */
class HeartbeatSettingsTest {

  @Test
  void theDefaultsAreTenSecondsAndFiftySeconds() {
    assertThat(HeartbeatSettings.from(new Configuration())).isEqualTo(new HeartbeatSettings(10_000, 50_000));
  }

  @Test
  void theOptionsAreReadFromTheConfiguration() {
    Configuration conf = new Configuration();
    conf.setString("heartbeat.interval", "50 ms");
    conf.setString("heartbeat.timeout", "500 ms");
    assertThat(HeartbeatSettings.from(conf)).isEqualTo(new HeartbeatSettings(50, 500));
  }

  @Test
  void aTimeoutNotLongerThanTheIntervalIsRejectedNamingBothOptions() {
    Configuration conf = new Configuration();
    conf.setString("heartbeat.interval", "10 s");
    conf.setString("heartbeat.timeout", "5 s");
    assertThatThrownBy(() -> HeartbeatSettings.from(conf))
        .isInstanceOf(IllegalConfigurationException.class)
        .hasMessageContaining("heartbeat.timeout (5000 ms)")
        .hasMessageContaining("heartbeat.interval (10000 ms)");
    assertThatThrownBy(() -> new HeartbeatSettings(100, 100)).isInstanceOf(IllegalConfigurationException.class);
  }

  @Test
  void aNonPositiveIntervalIsRejected() {
    assertThatThrownBy(() -> new HeartbeatSettings(0, 100))
        .isInstanceOf(IllegalConfigurationException.class)
        .hasMessageContaining("heartbeat.interval must be positive");
  }
}
