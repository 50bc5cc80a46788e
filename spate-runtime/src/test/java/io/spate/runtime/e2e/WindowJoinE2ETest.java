package io.spate.runtime.e2e;

import static io.spate.runtime.e2e.E2eSupport.collect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.InvalidProgramException;
import io.spate.api.common.RuntimeExecutionMode;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.functions.CoGroupFunction;
import io.spate.api.functions.Collector;
import io.spate.api.functions.FlatJoinFunction;
import io.spate.api.functions.KeySelector;
import io.spate.api.windowing.assigners.SlidingEventTimeWindows;
import io.spate.api.windowing.assigners.TumblingEventTimeWindows;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Window joins and co-groups against a brute-force model: for each window, every pair (join) or
 * the two groups (co-group) of records with the same key whose timestamps fall in the window.
 */
class WindowJoinE2ETest {

  /** An order of a user. */
  public record Order(String user, long ts, int id) {}

  /** A payment of a user. */
  public record Payment(String user, long ts, int id) {}

  private static final long SIZE = 1_000;
  private static final long SLIDE = 400;

  private static final List<Order> ORDERS = new ArrayList<>();
  private static final List<Payment> PAYMENTS = new ArrayList<>();

  static {
    Random random = new Random(42);
    for (int i = 0; i < 300; i++) {
      ORDERS.add(new Order("u" + random.nextInt(7), random.nextInt(10_000) - 2_000, i));
      PAYMENTS.add(new Payment("u" + random.nextInt(7), random.nextInt(10_000) - 2_000, 1_000 + i));
    }
  }

  static Stream<Arguments> modesAndParallelism() {
    List<Arguments> args = new ArrayList<>();
    for (RuntimeExecutionMode mode : List.of(RuntimeExecutionMode.STREAMING, RuntimeExecutionMode.BATCH)) {
      for (int p = 1; p <= 4; p++) {
        args.add(Arguments.of(mode, p));
      }
    }
    return args.stream();
  }

  /** The starts of the windows of {@code size} every {@code slide} containing {@code ts}. */
  private static List<Long> windowStarts(long ts, long size, long slide) {
    List<Long> starts = new ArrayList<>();
    long last = ts - Math.floorMod(ts, slide);
    for (long start = last; start > ts - size; start -= slide) {
      starts.add(start);
    }
    return starts;
  }

  private static List<String> expectedJoin(long size, long slide) {
    List<String> out = new ArrayList<>();
    for (Order o : ORDERS) {
      for (Payment p : PAYMENTS) {
        if (o.user().equals(p.user())) {
          for (long start : windowStarts(o.ts(), size, slide)) {
            if (p.ts() >= start && p.ts() < start + size) {
              out.add(o.id() + "-" + p.id());
            }
          }
        }
      }
    }
    return out;
  }

  private static DataStream<Order> orders(StreamExecutionEnvironment env) {
    return env.fromData(ORDERS).assignTimestampsAndWatermarks(
        WatermarkStrategy.<Order>forBoundedOutOfOrderness(Duration.ofSeconds(20)).withTimestampAssigner((o, t) -> o.ts()));
  }

  private static DataStream<Payment> payments(StreamExecutionEnvironment env) {
    return env.fromData(PAYMENTS).assignTimestampsAndWatermarks(
        WatermarkStrategy.<Payment>forBoundedOutOfOrderness(Duration.ofSeconds(20)).withTimestampAssigner((p, t) -> p.ts()));
  }

  private static StreamExecutionEnvironment env(RuntimeExecutionMode mode, int parallelism) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(parallelism);
    env.setRuntimeMode(mode);
    return env;
  }

  @ParameterizedTest
  @MethodSource("modesAndParallelism")
  void tumblingJoinPairsRecordsOfTheSameKeyAndWindow(RuntimeExecutionMode mode, int parallelism) throws Exception {
    StreamExecutionEnvironment env = env(mode, parallelism);
    DataStream<String> joined = orders(env).join(payments(env))
        .where(Order::user).equalTo(Payment::user)
        .window(TumblingEventTimeWindows.of(Duration.ofMillis(SIZE)))
        .apply((Order o, Payment p) -> o.id() + "-" + p.id());
    assertThat(collect(joined)).containsExactlyInAnyOrderElementsOf(expectedJoin(SIZE, SIZE));
  }

  @ParameterizedTest
  @MethodSource("modesAndParallelism")
  void slidingFlatJoinJoinsAPairOncePerSharedWindow(RuntimeExecutionMode mode, int parallelism) throws Exception {
    StreamExecutionEnvironment env = env(mode, parallelism);
    DataStream<String> joined = orders(env).join(payments(env))
        .where(Order::user).equalTo(Payment::user)
        .window(SlidingEventTimeWindows.of(Duration.ofMillis(SIZE), Duration.ofMillis(SLIDE)))
        .apply(new FlatJoinFunction<Order, Payment, String>() {
          @Override
          public void join(Order o, Payment p, Collector<String> out) {
            out.collect(o.id() + "-" + p.id());
          }
        });
    assertThat(collect(joined)).containsExactlyInAnyOrderElementsOf(expectedJoin(SIZE, SLIDE));
  }

  @ParameterizedTest
  @MethodSource("modesAndParallelism")
  void coGroupSeesBothSidesOfEachKeyAndWindowEvenWhenOneIsEmpty(RuntimeExecutionMode mode, int parallelism)
      throws Exception {
    Map<String, int[]> expected = new TreeMap<>();
    for (Order o : ORDERS) {
      expected.computeIfAbsent(o.user() + "@" + Math.floorDiv(o.ts(), SIZE), k -> new int[2])[0]++;
    }
    for (Payment p : PAYMENTS) {
      expected.computeIfAbsent(p.user() + "@" + Math.floorDiv(p.ts(), SIZE), k -> new int[2])[1]++;
    }
    List<String> expectedLines = new ArrayList<>();
    expected.forEach((group, counts) -> expectedLines.add(group.substring(0, group.indexOf('@')) + " " + counts[0] + "/" + counts[1]));

    StreamExecutionEnvironment env = env(mode, parallelism);
    DataStream<String> grouped = orders(env).coGroup(payments(env))
        .where(Order::user).equalTo(Payment::user)
        .window(TumblingEventTimeWindows.of(Duration.ofMillis(SIZE)))
        .apply(new CoGroupFunction<Order, Payment, String>() {
          @Override
          public void coGroup(Iterable<Order> orders, Iterable<Payment> payments, Collector<String> out) {
            String user = null;
            int o = 0;
            int p = 0;
            for (Order order : orders) {
              user = order.user();
              o++;
            }
            for (Payment payment : payments) {
              user = payment.user();
              p++;
            }
            out.collect(user + " " + o + "/" + p);
          }
        });
    assertThat(collect(grouped)).containsExactlyInAnyOrderElementsOf(expectedLines);
  }

  /** The id of a payment: an Integer key where the orders give a String one. */
  static final class PaymentId implements KeySelector<Payment, Integer> {
    @Override
    public Integer getKey(Payment payment) {
      return payment.id();
    }
  }

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void keysOfDifferentTypesAreRejectedWhenTheProgramIsBuilt() {
    StreamExecutionEnvironment env = env(RuntimeExecutionMode.STREAMING, 1);
    // Generics stop this at compile time; raw types (as from other JVM languages) do not.
    assertThatThrownBy(() -> orders(env).join(payments(env)).where(Order::user).equalTo((KeySelector) new PaymentId()))
        .isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("same type");
  }
}
