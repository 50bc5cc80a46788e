package io.spate.runtime.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.functions.Collector;
import io.spate.api.functions.IngestionTimeExtractor;
import io.spate.api.functions.ProcessFunction;
import io.spate.api.typeinfo.Types;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** IngestionTimeExtractor in a job: each record carries the processing time it was stamped at, in order. */
class IngestionTimeExtractorE2ETest {

  /** Emits each record's timestamp. */
  static final class Timestamps extends ProcessFunction<Integer, Long> {
    private static final long serialVersionUID = 1L;

    @Override
    public void processElement(Integer value, Context ctx, Collector<Long> out) {
      out.collect(ctx.timestamp());
    }
  }

  @Test
  @SuppressWarnings("deprecation")
  void recordsAreStampedWithTheirIngestionTimeNeverGoingBack() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    long before = System.currentTimeMillis();
    List<Long> stamps = E2eSupport.collect(env.fromData(IntStream.range(0, 200).boxed().toList(), Types.INT)
        .assignTimestampsAndWatermarks(new IngestionTimeExtractor<>())
        .process(new Timestamps()));
    long after = System.currentTimeMillis();

    assertThat(stamps).hasSize(200).isSorted().allSatisfy(t -> assertThat(t).isBetween(before, after));
  }
}
