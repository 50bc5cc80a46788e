package io.spate.runtime.e2e;

import static io.spate.runtime.e2e.E2eSupport.collect;
import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.OutputTag;
import io.spate.api.datastream.BroadcastStream;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.SingleOutputStreamOperator;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.functions.Collector;
import io.spate.api.functions.KeyedBroadcastProcessFunction;
import io.spate.api.functions.ProcessJoinFunction;
import io.spate.api.state.MapStateDescriptor;
import io.spate.api.typeinfo.Types;
import io.spate.api.windowing.assigners.TumblingEventTimeWindows;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The snippets of docs/datastream-api.md, "Joins and broadcast state", compiled and run (DocsSnippetsTest checks that they match). */
class JoinsAndBroadcastDocTest {

  record Click(String user, long time) {}

  record Purchase(String user, String item, long time) {}

  record Reading(String sensor, int value) {}

  record Rule(String sensor, int limit) {}

  record Order(String user, long time, String id) {}

  record Payment(String user, long time, String id) {}

  @Test
  void windowJoin() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    DataStream<Order> orders = env.fromData(new Order("ann", 1_000, "o1"), new Order("bob", 61_000, "o2"))
        .assignTimestampsAndWatermarks(
            WatermarkStrategy.<Order>forMonotonousTimestamps().withTimestampAssigner((o, t) -> o.time()));
    DataStream<Payment> payments = env.fromData(new Payment("ann", 59_000, "p1"), new Payment("bob", 59_000, "p2"))
        .assignTimestampsAndWatermarks(
            WatermarkStrategy.<Payment>forMonotonousTimestamps().withTimestampAssigner((p, t) -> p.time()));

    DataStream<String> paid = orders.join(payments)
        .where(Order::user).equalTo(Payment::user)
        .window(TumblingEventTimeWindows.of(Duration.ofMinutes(1)))
        .apply((Order o, Payment p) -> o.id() + " paid by " + p.id());

    // bob's order and payment fall in different minutes, so they do not join.
    assertThat(collect(paid)).containsExactly("o1 paid by p1");
  }

  @Test
  void intervalJoin() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    DataStream<Click> clicks = env.fromElements(new Click("ann", 10_000), new Click("bob", 20_000))
        .assignTimestampsAndWatermarks(WatermarkStrategy.<Click>forMonotonousTimestamps()
            .withTimestampAssigner((c, t) -> c.time()));
    DataStream<Purchase> purchases = env.fromElements(
            new Purchase("ann", "tea", 9_500), new Purchase("ann", "cup", 16_000), new Purchase("bob", "pen", 21_000))
        .assignTimestampsAndWatermarks(WatermarkStrategy.<Purchase>forMonotonousTimestamps()
            .withTimestampAssigner((p, t) -> p.time()));
    OutputTag<Click> lateClicks = new OutputTag<>("late-clicks") {};

    SingleOutputStreamOperator<String> joined = clicks.keyBy(Click::user)
        .intervalJoin(purchases.keyBy(Purchase::user))
        .between(Duration.ofSeconds(-1), Duration.ofSeconds(5))
        .sideOutputLeftLateData(lateClicks)             // optional; otherwise late records are dropped
        .process(new ProcessJoinFunction<Click, Purchase, String>() {
          @Override
          public void processElement(Click click, Purchase purchase, Context ctx, Collector<String> out) {
            out.collect(click.user() + " bought " + purchase.item() + " at " + ctx.getTimestamp());
          }
        });

    assertThat(collect(joined)).containsExactlyInAnyOrder("ann bought tea at 10000", "bob bought pen at 21000");
  }

  @Test
  void broadcastState() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.setRuntimeMode(io.spate.api.common.RuntimeExecutionMode.BATCH);  // rules first, for a fixed result
    DataStream<Rule> rules = env.fromElements(new Rule("s1", 50), new Rule("s2", 10));
    DataStream<Reading> readings = env.fromData(List.of(new Reading("s1", 60), new Reading("s1", 40),
        new Reading("s2", 11), new Reading("s3", 99)));

    MapStateDescriptor<String, Integer> thresholds =
        new MapStateDescriptor<>("thresholds", Types.STRING, Types.INT);
    BroadcastStream<Rule> ruleStream = rules.broadcast(thresholds);

    DataStream<String> alerts = readings.keyBy(Reading::sensor)
        .connect(ruleStream)
        .process(new KeyedBroadcastProcessFunction<String, Reading, Rule, String>() {
          @Override
          public void processElement(Reading r, ReadOnlyContext ctx, Collector<String> out) throws Exception {
            Integer limit = ctx.getBroadcastState(thresholds).get(r.sensor());
            if (limit != null && r.value() > limit) {
              out.collect(r.sensor() + " above " + limit);
            }
          }

          @Override
          public void processBroadcastElement(Rule rule, Context ctx, Collector<String> out) throws Exception {
            ctx.getBroadcastState(thresholds).put(rule.sensor(), rule.limit());
          }
        });

    assertThat(collect(alerts)).containsExactlyInAnyOrder("s1 above 50", "s2 above 10");
  }
}
