package io.spate.api.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.CoreOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@link ExecutionConfig#setAutoWatermarkInterval(long)}: Flink's millisecond setter writes the option. */
class AutoWatermarkIntervalTest {

  @Test
  void theMillisecondSetterWritesTheOptionThatTheRuntimeReads() {
    Configuration configuration = new Configuration();
    ExecutionConfig config = new ExecutionConfig(configuration);
    assertThat(config.getAutoWatermarkInterval()).as("Flink's default").isEqualTo(200L);
    assertThat(config.setAutoWatermarkInterval(50L)).isSameAs(config);
    assertThat(config.getAutoWatermarkInterval()).isEqualTo(50L);
    assertThat(configuration.get(CoreOptions.AUTO_WATERMARK_INTERVAL)).isEqualTo(Duration.ofMillis(50));
    config.setAutoWatermarkInterval(0L);
    assertThat(configuration.get(CoreOptions.AUTO_WATERMARK_INTERVAL)).isEqualTo(Duration.ZERO);
    config.setAutoWatermarkInterval(Duration.ofSeconds(1));
    assertThat(config.getAutoWatermarkInterval()).isEqualTo(1_000L);
  }

  @Test
  void rejectsANegativeInterval() {
    ExecutionConfig config = new ExecutionConfig(new Configuration());
    assertThatThrownBy(() -> config.setAutoWatermarkInterval(-1L)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The auto-watermark interval must not be negative, but was -1 ms.");
    assertThat(config.getAutoWatermarkInterval()).isEqualTo(200L);
  }
}
