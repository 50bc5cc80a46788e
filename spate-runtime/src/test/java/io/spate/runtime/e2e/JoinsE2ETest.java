package io.spate.runtime.e2e;

import static io.spate.runtime.e2e.E2eSupport.collect;
import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.RuntimeExecutionMode;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.functions.Collector;
import io.spate.api.functions.KeyedCoProcessFunction;
import io.spate.api.functions.OpenContext;
import io.spate.api.functions.ProcessJoinFunction;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Connect-based joins with keyed state, and interval joins, as whole jobs at several parallelisms. */
class JoinsE2ETest {

  /** An order. */
  public record Order(int id, int amount) {}

  /** A payment for an order. */
  public record Payment(int orderId, String method) {}

  /** Joins orders with their payments in either arrival order, with keyed state. */
  public static final class OrderPaymentJoin extends KeyedCoProcessFunction<Integer, Order, Payment, String> {
    private transient ValueState<Order> order;
    private transient ValueState<Payment> payment;

    @Override
    public void open(OpenContext openContext) {
      order = getRuntimeContext().getState(new ValueStateDescriptor<>("order", Order.class));
      payment = getRuntimeContext().getState(new ValueStateDescriptor<>("payment", Payment.class));
    }

    @Override
    public void processElement1(Order value, Context ctx, Collector<String> out) throws Exception {
      Payment p = payment.value();
      if (p == null) {
        order.update(value);
      } else {
        out.collect(ctx.getCurrentKey() + ":" + value.amount() + ":" + p.method());
        payment.clear();
      }
    }

    @Override
    public void processElement2(Payment value, Context ctx, Collector<String> out) throws Exception {
      Order o = order.value();
      if (o == null) {
        payment.update(value);
      } else {
        out.collect(ctx.getCurrentKey() + ":" + o.amount() + ":" + value.method());
        order.clear();
      }
    }
  }

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2, 3, 4})
  void connectBasedJoinWithKeyedState(int parallelism) throws Exception {
    List<Order> orders = new ArrayList<>();
    List<Payment> payments = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      orders.add(new Order(i, i * 3));
      if (i % 3 != 0) {
        String method = i % 2 == 0 ? "card" : "cash";
        payments.add(new Payment(i, method));
        expected.add(i + ":" + i * 3 + ":" + method);
      }
    }
    Collections.shuffle(payments, new Random(parallelism));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(parallelism);
    DataStream<String> joined = env.fromCollection(orders).keyBy(Order::id)
        .connect(env.fromCollection(payments).keyBy(Payment::orderId))
        .process(new OrderPaymentJoin());
    assertThat(collect(joined)).containsExactlyInAnyOrderElementsOf(expected);
  }

  /** A click or a purchase of a user at a time. */
  public record Action(String user, long ts, int id) {}

  /** Names the joined pair and its timestamps. */
  public static final class NamePair extends ProcessJoinFunction<Action, Action, String> {
    @Override
    public void processElement(Action click, Action purchase, Context ctx, Collector<String> out) {
      out.collect(click.id() + "~" + purchase.id() + "@" + ctx.getTimestamp());
    }
  }

  /** Actions of 7 users at times 0..2000 in an order that is at most 50 ms out of order. */
  private static List<Action> actions(int seed, int count) {
    Random random = new Random(seed);
    List<Action> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long base = i * 2000L / count;
      out.add(new Action("u" + random.nextInt(7), Math.max(0, base - random.nextInt(50)), i));
    }
    return out;
  }

  private static List<String> nestedLoop(List<Action> clicks, List<Action> purchases, long lower, long upper) {
    List<String> expected = new ArrayList<>();
    for (Action c : clicks) {
      for (Action p : purchases) {
        if (c.user().equals(p.user()) && p.ts() >= c.ts() + lower && p.ts() <= c.ts() + upper) {
          expected.add(c.id() + "~" + p.id() + "@" + Math.max(c.ts(), p.ts()));
        }
      }
    }
    return expected;
  }

  private static DataStream<Action> withTimestamps(StreamExecutionEnvironment env, List<Action> actions) {
    return env.fromCollection(actions).assignTimestampsAndWatermarks(
        WatermarkStrategy.<Action>forBoundedOutOfOrderness(Duration.ofMillis(60)).withTimestampAssigner((a, t) -> a.ts()));
  }

  private static List<String> intervalJoin(int parallelism, RuntimeExecutionMode mode, List<Action> clicks,
      List<Action> purchases, boolean lowerExclusive, boolean upperExclusive) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(parallelism);
    env.setRuntimeMode(mode);
    var joined = withTimestamps(env, clicks).keyBy(Action::user)
        .intervalJoin(withTimestamps(env, purchases).keyBy(Action::user))
        .between(Duration.ofMillis(-20), Duration.ofMillis(30));
    if (lowerExclusive) {
      joined.lowerBoundExclusive();
    }
    if (upperExclusive) {
      joined.upperBoundExclusive();
    }
    return collect(joined.process(new NamePair()));
  }

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2, 3, 4})
  void intervalJoinOfOutOfOrderStreamsMatchesTheNestedLoop(int parallelism) throws Exception {
    List<Action> clicks = actions(1, 400);
    List<Action> purchases = actions(2, 300);
    assertThat(intervalJoin(parallelism, RuntimeExecutionMode.STREAMING, clicks, purchases, false, false))
        .isNotEmpty()
        .containsExactlyInAnyOrderElementsOf(nestedLoop(clicks, purchases, -20, 30));
    assertThat(intervalJoin(parallelism, RuntimeExecutionMode.STREAMING, clicks, purchases, true, true))
        .containsExactlyInAnyOrderElementsOf(nestedLoop(clicks, purchases, -19, 29));
  }

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2, 3, 4})
  void intervalJoinInBatchModeGivesTheSamePairs(int parallelism) throws Exception {
    List<Action> clicks = actions(3, 300);
    List<Action> purchases = actions(4, 300);
    assertThat(intervalJoin(parallelism, RuntimeExecutionMode.BATCH, clicks, purchases, true, false))
        .containsExactlyInAnyOrderElementsOf(nestedLoop(clicks, purchases, -19, 30));
  }
}
