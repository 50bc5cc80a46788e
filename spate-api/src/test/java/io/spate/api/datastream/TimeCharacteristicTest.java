package io.spate.api.datastream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.TimeCharacteristic;
import org.junit.jupiter.api.Test;

/** {@code setStreamTimeCharacteristic}, as pre-1.12 Flink programs call it: it sets the auto-watermark interval. */
@SuppressWarnings("deprecation")
class TimeCharacteristicTest {

  @Test
  void processingTimeTurnsPeriodicWatermarksOffAndEventTimeBackOn() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    assertThat(env.getStreamTimeCharacteristic()).isEqualTo(TimeCharacteristic.EventTime);
    env.setStreamTimeCharacteristic(TimeCharacteristic.ProcessingTime);
    assertThat(env.getConfig().getAutoWatermarkInterval()).isZero();
    assertThat(env.getStreamTimeCharacteristic()).isEqualTo(TimeCharacteristic.ProcessingTime);
    env.setStreamTimeCharacteristic(TimeCharacteristic.EventTime);
    assertThat(env.getConfig().getAutoWatermarkInterval()).isEqualTo(200L);
    env.getConfig().setAutoWatermarkInterval(0L);
    env.setStreamTimeCharacteristic(TimeCharacteristic.IngestionTime);
    assertThat(env.getConfig().getAutoWatermarkInterval()).isEqualTo(200L);
  }

  @Test
  void rejectsANullCharacteristic() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    assertThatThrownBy(() -> env.setStreamTimeCharacteristic(null))
        .hasMessage("setStreamTimeCharacteristic: the time characteristic must not be null.");
  }
}
