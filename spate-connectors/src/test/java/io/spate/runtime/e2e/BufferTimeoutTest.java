package io.spate.runtime.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.JobClient;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.functions.RichMapFunction;
import io.spate.api.typeinfo.Types;
import io.spate.connectors.datagen.DataGeneratorSource;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A producer that never runs out of input still hands over a partly filled batch within the buffer
 * timeout, so a record on a quiet channel is not held back indefinitely.
 */
class BufferTimeoutTest {

  static final CountDownLatch QUIET_RECORD_ARRIVED = new CountDownLatch(1);

  @Test
  void aLoneRecordOnAQuietChannelArrivesWhileTheProducerIsBusy() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.fromSource(new DataGeneratorSource<>(i -> i, Long.MAX_VALUE, Types.LONG),
            WatermarkStrategy.noWatermarks(), "endless")
        // Only index 0 goes to the quiet channel 1; everything else floods channel 0.
        .partitionCustom((Long key, int channels) -> key == 0L ? 1 : 0, (Long x) -> x)
        .map(new RichMapFunction<Long, Long>() {
          @Override
          public Long map(Long value) {
            if (getRuntimeContext().getIndexOfThisSubtask() == 1 && value == 0L) {
              QUIET_RECORD_ARRIVED.countDown();
            }
            return value;
          }
        })
        .setParallelism(2)
        .discard();
    JobClient client = env.executeAsync("busy producer");
    try {
      assertThat(QUIET_RECORD_ARRIVED.await(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      client.cancel().get(60, TimeUnit.SECONDS);
    }
  }
}
