package io.spate.runtime.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.InvalidProgramException;
import io.spate.api.datastream.AsyncDataStream;
import io.spate.api.datastream.BroadcastConnectedStream;
import io.spate.api.datastream.BroadcastStream;
import io.spate.api.datastream.ConnectedStreams;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.IterativeStream;
import io.spate.api.datastream.KeyedStream;
import io.spate.api.datastream.MultipleConnectedStreams;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.datastream.UnsupportedTimeCharacteristicException;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.functions.CoGroupFunction;
import io.spate.api.functions.Collector;
import io.spate.api.functions.FlatJoinFunction;
import io.spate.api.functions.JoinFunction;
import io.spate.api.functions.RichCoMapFunction;
import io.spate.api.state.MapStateDescriptor;
import io.spate.api.tuple.Tuple2;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.typeinfo.Types;
import io.spate.api.windowing.assigners.TumblingEventTimeWindows;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Flink's members of ConnectedStreams, the broadcast streams, window joins and co-groups, keyed
 * streams and interval joins that Spate had in other shapes.
 */
class ConnectedStreamsShapesE2ETest {

  private static final TypeInformation<Tuple2<Integer, String>> PAIR = Types.TUPLE(Types.INT, Types.STRING);

  private static DataStream<Tuple2<Integer, String>> pairs(StreamExecutionEnvironment env, String tag) {
    List<Tuple2<Integer, String>> data = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      data.add(Tuple2.of(i % 7, tag + i));
    }
    return env.fromData(data, PAIR).assignTimestampsAndWatermarks(
        WatermarkStrategy.<Tuple2<Integer, String>>forMonotonousTimestamps().withTimestampAssigner((p, ts) -> 0L));
  }

  /** The key of each record of either input and the subtask it reached. */
  static final class KeyAndSubtask extends RichCoMapFunction<Tuple2<Integer, String>, Tuple2<Integer, String>,
      Tuple2<Integer, Integer>> {
    private static final long serialVersionUID = 1L;

    @Override
    public Tuple2<Integer, Integer> map1(Tuple2<Integer, String> value) {
      return Tuple2.of(value.f0, getRuntimeContext().getIndexOfThisSubtask());
    }

    @Override
    public Tuple2<Integer, Integer> map2(Tuple2<Integer, String> value) {
      return map1(value);
    }
  }

  @Test
  void everyKeyByOfConnectedStreamsBringsEqualKeysOfBothInputsTogether() throws Exception {
    List<Function<ConnectedStreams<Tuple2<Integer, String>, Tuple2<Integer, String>>,
        ConnectedStreams<Tuple2<Integer, String>, Tuple2<Integer, String>>>> keyings = List.of(
            c -> c.keyBy(0, 0),
            c -> c.keyBy(new int[] {0}, new int[] {0}),
            c -> c.keyBy("f0", "f0"),
            c -> c.keyBy(new String[] {"f0"}, new String[] {"f0"}),
            c -> c.keyBy(p -> p.f0, p -> p.f0, Types.INT));
    for (int i = 0; i < keyings.size(); i++) {
      StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(3);
      ConnectedStreams<Tuple2<Integer, String>, Tuple2<Integer, String>> connected =
          pairs(env, "l").connect(pairs(env, "r"));
      assertThat(connected.getExecutionEnvironment()).isSameAs(env);
      assertThat(connected.getType1()).isEqualTo(PAIR);
      assertThat(connected.getType2()).isEqualTo(PAIR);
      List<Tuple2<Integer, Integer>> landed = E2eSupport.collect(keyings.get(i).apply(connected)
          .map(new KeyAndSubtask(), Types.TUPLE(Types.INT, Types.INT)));
      assertThat(landed).hasSize(40);
      Map<Integer, Integer> subtaskOfKey = new HashMap<>();
      for (Tuple2<Integer, Integer> record : landed) {
        assertThat(subtaskOfKey.putIfAbsent(record.f0, record.f1)).as("keying %s, key %s", i, record.f0)
            .isIn(null, record.f1);
      }
    }
  }

  @Test
  void anIterationHeadRefusesEveryKeyBy() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    IterativeStream.ConnectedIterativeStreams<Tuple2<Integer, String>, Tuple2<Integer, String>> head =
        pairs(env, "x").iterate().withFeedbackType(PAIR);
    List<Runnable> keyings = List.of(() -> head.keyBy(0, 0), () -> head.keyBy(new int[] {0}, new int[] {0}),
        () -> head.keyBy("f0", "f0"), () -> head.keyBy(new String[] {"f0"}, new String[] {"f0"}),
        () -> head.keyBy(p -> p.f0, p -> p.f0, Types.INT));
    for (Runnable keying : keyings) {
      assertThatThrownBy(keying::run).isInstanceOf(UnsupportedOperationException.class)
          .hasMessageContaining("iteration head");
    }
  }

  @Test
  void theBroadcastStreamsTellTheirTypesAndCheckFunctions() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    MapStateDescriptor<String, String> rules = new MapStateDescriptor<>("rules", Types.STRING, Types.STRING);
    BroadcastStream<String> broadcast = env.fromData("r1").broadcast(rules);
    BroadcastConnectedStream<Tuple2<Integer, String>, String> connected = pairs(env, "x").connect(broadcast);
    assertThat(connected.getExecutionEnvironment()).isSameAs(env);
    assertThat(connected.getType1()).isEqualTo(PAIR);
    assertThat(connected.getType2()).isEqualTo(Types.STRING);
    assertThat(broadcast.getTransformation().getOutputType()).isEqualTo(Types.STRING);

    Function<String, String> serializable = (Function<String, String> & java.io.Serializable) s -> s;
    assertThat(broadcast.clean(serializable)).isSameAs(serializable);
    Object notSerializable = new Object();
    Function<String, String> capturing = (Function<String, String> & java.io.Serializable) s -> s + notSerializable;
    assertThatThrownBy(() -> broadcast.clean(capturing)).isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("not serializable");
  }

  @Test
  void windowJoinsAndCoGroupsTakeFlinksWith() throws Exception {
    JoinFunction<Tuple2<Integer, String>, Tuple2<Integer, String>, String> join = (l, r) -> l.f1 + r.f1;
    // classes, not lambdas: a lambda's Collector<String> parameter loses its type argument
    FlatJoinFunction<Tuple2<Integer, String>, Tuple2<Integer, String>, String> flatJoin =
        new FlatJoinFunction<Tuple2<Integer, String>, Tuple2<Integer, String>, String>() {
          @Override
          public void join(Tuple2<Integer, String> l, Tuple2<Integer, String> r, Collector<String> out) {
            out.collect(l.f1 + r.f1);
          }
        };
    CoGroupFunction<Tuple2<Integer, String>, Tuple2<Integer, String>, String> coGroup =
        new CoGroupFunction<Tuple2<Integer, String>, Tuple2<Integer, String>, String>() {
          @Override
          public void coGroup(Iterable<Tuple2<Integer, String>> ls, Iterable<Tuple2<Integer, String>> rs,
              Collector<String> out) {
            int n = 0;
            for (Tuple2<Integer, String> l : ls) {
              n++;
            }
            for (Tuple2<Integer, String> r : rs) {
              n++;
            }
            out.collect("n" + n);
          }
        };
    // key 6 has the records 6 and 13 on each side: 4 joined pairs, one co-group of 4
    for (int form = 0; form < 6; form++) {
      StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
      DataStream<Tuple2<Integer, String>> left = pairs(env, "l").filter(p -> p.f0 == 6);
      DataStream<Tuple2<Integer, String>> right = pairs(env, "r").filter(p -> p.f0 == 6);
      var joined = left.join(right).where(p -> p.f0).equalTo(p -> p.f0)
          .window(TumblingEventTimeWindows.of(Duration.ofSeconds(1)));
      var coGrouped = left.coGroup(right).where(p -> p.f0).equalTo(p -> p.f0)
          .window(TumblingEventTimeWindows.of(Duration.ofSeconds(1)));
      DataStream<String> result = switch (form) {
        case 0 -> joined.with(join);
        case 1 -> joined.with(join, Types.STRING);
        case 2 -> joined.with(flatJoin);
        case 3 -> joined.with(flatJoin, Types.STRING);
        case 4 -> coGrouped.with(coGroup);
        default -> coGrouped.with(coGroup, Types.STRING);
      };
      List<String> out = E2eSupport.collect(result);
      if (form < 4) {
        assertThat(out).as("form %s", form).containsExactlyInAnyOrder("l6r6", "l6r13", "l13r6", "l13r13");
      } else {
        assertThat(out).as("form %s", form).containsExactly("n4");
      }
    }
  }

  @Test
  void aKeyedStreamCanBeBuiltWithFlinksConstructors() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    KeyedStream<Tuple2<Integer, String>, Integer> inferred = new KeyedStream<>(pairs(env, "a"), p -> p.f0);
    KeyedStream<Tuple2<Integer, String>, Integer> typed = new KeyedStream<>(pairs(env, "b"), p -> p.f0, Types.INT);
    assertThat(inferred.getKeyType()).isEqualTo(Types.INT);
    assertThat(typed.getKeyType()).isEqualTo(Types.INT);
    assertThat(E2eSupport.collect(inferred.reduce((x, y) -> Tuple2.of(x.f0, "last")).filter(p -> p.f0 == 6)))
        .containsExactly(Tuple2.of(6, "a6"), Tuple2.of(6, "last"));
  }

  @Test
  void anIntervalJoinIsTypedByKeyedStreamsNestedClassesAndIsEventTimeOnly() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    KeyedStream<Tuple2<Integer, String>, Integer> left = pairs(env, "l").keyBy(p -> p.f0);
    KeyedStream<Tuple2<Integer, String>, Integer> right = pairs(env, "r").keyBy(p -> p.f0);
    KeyedStream.IntervalJoin<Tuple2<Integer, String>, Tuple2<Integer, String>, Integer> join = left.intervalJoin(right);
    KeyedStream.IntervalJoined<Tuple2<Integer, String>, Tuple2<Integer, String>, Integer> joined =
        join.between(Duration.ZERO, Duration.ZERO);
    DataStream<String> pairsOfSix = joined.process(
        new io.spate.api.functions.ProcessJoinFunction<Tuple2<Integer, String>, Tuple2<Integer, String>, String>() {
          @Override
          public void processElement(Tuple2<Integer, String> l, Tuple2<Integer, String> r, Context ctx,
              Collector<String> out) {
            if (l.f0 == 6) {
              out.collect(l.f1 + r.f1);
            }
          }
        });
    assertThat(E2eSupport.collect(pairsOfSix)).containsExactlyInAnyOrder("l6r6", "l6r13", "l13r6", "l13r13");

    // Flink's constructor: (-1, 1) with both bounds exclusive joins equal timestamps only, as (0, 0)
    // does; (0, 1) without the lower bound joins none, as every timestamp is 0
    io.spate.api.functions.ProcessJoinFunction<Tuple2<Integer, String>, Tuple2<Integer, String>, String> sixes =
        new io.spate.api.functions.ProcessJoinFunction<Tuple2<Integer, String>, Tuple2<Integer, String>, String>() {
          @Override
          public void processElement(Tuple2<Integer, String> l, Tuple2<Integer, String> r, Context ctx,
              Collector<String> out) {
            if (l.f0 == 6) {
              out.collect(l.f1 + r.f1);
            }
          }
        };
    assertThat(E2eSupport.collect(new KeyedStream.IntervalJoined<>(left, right, -1, 1, false, false).process(sixes)))
        .containsExactlyInAnyOrder("l6r6", "l6r13", "l13r6", "l13r13");
    assertThat(E2eSupport.collect(new KeyedStream.IntervalJoined<>(left, right, 0, 1, false, true).process(sixes)))
        .isEmpty();

    assertThatThrownBy(() -> left.intervalJoin(right).inProcessingTime().between(Duration.ZERO, Duration.ZERO))
        .isInstanceOf(UnsupportedTimeCharacteristicException.class)
        .isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("only supported in event time");
  }

  @Test
  void theStaticHoldersCanBeInstantiatedAsInFlink() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    assertThat(new AsyncDataStream()).isInstanceOf(AsyncDataStream.class);
    assertThat(MultipleConnectedStreams.of(pairs(env, "x")).getExecutionEnvironment()).isSameAs(env);
  }
}
