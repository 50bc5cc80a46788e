package io.spate.runtime.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.OutputTag;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.SingleOutputStreamOperator;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.windowing.assigners.TumblingEventTimeWindows;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The snippets of docs/event-time-and-windows.md, compiled and run; DocsSnippetsTest checks that each
 * snippet still occurs here word for word, so edit both together.
 */
class EventTimeAndWindowsDocTest {

  record Bid(long auction, long bidder, long price) {}

  @Test
  void windows() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    // timestamps in minutes: bids of auction 1 in minutes 0 and 1, auction 2 in minute 0
    DataStream<Bid> bids = env.fromElements(new Bid(1, 7, 50), new Bid(2, 8, 500), new Bid(1, 9, 700),
            new Bid(1, 3, 60))
        .assignTimestampsAndWatermarks(WatermarkStrategy.<Bid>forMonotonousTimestamps()
            .withTimestampAssigner((bid, ts) -> bid.bidder() == 3 ? 60_000 : 1_000));

    OutputTag<Bid> tooLate = new OutputTag<Bid>("too late") {};
    SingleOutputStreamOperator<Bid> topBidPerMinute = bids
        .keyBy(Bid::auction)
        .window(TumblingEventTimeWindows.of(Duration.ofMinutes(1)))
        .allowedLateness(Duration.ofSeconds(10))
        .sideOutputLateData(tooLate)
        .maxBy("price");
    DataStream<Bid> lateBids = topBidPerMinute.getSideOutput(tooLate);

    E2eSupport.RecordingSink<Bid> late = new E2eSupport.RecordingSink<>();
    lateBids.sinkTo(late); // runs in the same job as the collect below
    assertThat(E2eSupport.collect(topBidPerMinute))
        .containsExactlyInAnyOrder(new Bid(1, 9, 700), new Bid(2, 8, 500), new Bid(1, 3, 60));
    assertThat(late.values()).as("in-order bids are never late").isEmpty();
  }
}
