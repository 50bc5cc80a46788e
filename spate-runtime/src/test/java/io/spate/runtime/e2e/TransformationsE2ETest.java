package io.spate.runtime.e2e;

import static io.spate.runtime.e2e.E2eSupport.collect;
import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.OutputTag;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.SingleOutputStreamOperator;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.functions.CoFlatMapFunction;
import io.spate.api.functions.CoMapFunction;
import io.spate.api.functions.CoProcessFunction;
import io.spate.api.functions.Collector;
import io.spate.api.functions.FlatMapFunction;
import io.spate.api.functions.ProcessFunction;
import io.spate.api.typeinfo.Types;
import io.spate.runtime.e2e.E2eSupport.Landed;
import io.spate.runtime.e2e.E2eSupport.RecordingSink;
import io.spate.runtime.state.keygroup.KeyGroupAssignment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Stateless transformations, multiple inputs and side outputs, on the embedded cluster. */
class TransformationsE2ETest {

  private static List<Long> range(long from, long to) {
    List<Long> out = new ArrayList<>();
    for (long i = from; i <= to; i++) {
      out.add(i);
    }
    return out;
  }

  @Test
  void mapFlatMapFilterOnAParallelSource() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    DataStream<String> out = env.fromSequence(1, 5_000)
        .map(x -> x * 3)
        .flatMap(new FlatMapFunction<Long, String>() {
          @Override
          public void flatMap(Long value, Collector<String> c) {
            // 0, 1 or 2 outputs per record
            for (int i = 0; i < value % 3 + (value % 2); i++) {
              c.collect(value + "#" + i);
            }
          }
        })
        .filter(s -> !s.endsWith("#1"));
    List<String> expected = new ArrayList<>();
    for (long i = 1; i <= 5_000; i++) {
      long v = i * 3;
      for (int k = 0; k < v % 3 + (v % 2); k++) {
        String s = v + "#" + k;
        if (!s.endsWith("#1")) {
          expected.add(s);
        }
      }
    }
    assertThat(expected).isNotEmpty();
    assertThat(collect(out)).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void flatMapLambdaWithReturnsEmitsEveryOutput() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    DataStream<String> words = env.fromElements("a bb", "ccc", "", "dd e f")
        .flatMap((String line, Collector<String> out) -> {
          for (String w : line.split(" ")) {
            if (!w.isEmpty()) {
              out.collect(w);
            }
          }
        })
        .returns(Types.STRING);
    assertThat(collect(words)).containsExactlyInAnyOrder("a", "bb", "ccc", "dd", "e", "f");
  }

  @Test
  void aNonParallelSourceKeepsItsOrderThroughAChain() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    List<Long> input = range(1, 3_000);
    List<Long> out = collect(env.fromData(input).map(x -> x + 1).filter(x -> x % 7 != 0));
    List<Long> expected = new ArrayList<>();
    for (long x : input) {
      if ((x + 1) % 7 != 0) {
        expected.add(x + 1);
      }
    }
    assertThat(out).containsExactlyElementsOf(expected);
  }

  @Test
  void unionMergesAllInputs() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    DataStream<Long> a = env.fromSequence(1, 1_000);
    DataStream<Long> b = env.fromSequence(1, 500).map(x -> -x);
    DataStream<Long> c = env.fromData(List.of(7L, 7L, 7L));
    List<Long> expected = new ArrayList<>(range(1, 1_000));
    for (long x = 1; x <= 500; x++) {
      expected.add(-x);
    }
    expected.addAll(List.of(7L, 7L, 7L));
    assertThat(E2eSupport.executeAndCollect(a.union(b, c))).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void unionOfAStreamWithItselfDuplicatesEachRecord() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    DataStream<Long> a = env.fromSequence(1, 100);
    List<Long> expected = new ArrayList<>(range(1, 100));
    expected.addAll(range(1, 100));
    assertThat(collect(a.union(a))).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void connectWithCoMap() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    DataStream<Long> numbers = env.fromSequence(1, 300);
    DataStream<String> words = env.fromElements("x", "yy", "zzz");
    DataStream<String> out = numbers.connect(words).map(new CoMapFunction<Long, String, String>() {
      @Override
      public String map1(Long value) {
        return "n" + value;
      }

      @Override
      public String map2(String value) {
        return "w" + value;
      }
    });
    List<String> expected = new ArrayList<>();
    for (long i = 1; i <= 300; i++) {
      expected.add("n" + i);
    }
    expected.addAll(List.of("wx", "wyy", "wzzz"));
    assertThat(collect(out)).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void connectWithCoFlatMap() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    DataStream<Long> numbers = env.fromSequence(1, 200);
    DataStream<String> lines = env.fromElements("a b", "c", "d e f");
    DataStream<String> out = numbers.connect(lines).flatMap(new CoFlatMapFunction<Long, String, String>() {
      @Override
      public void flatMap1(Long value, Collector<String> c) {
        if (value % 2 == 0) {
          c.collect("even" + value);
          c.collect("again" + value);
        }
      }

      @Override
      public void flatMap2(String value, Collector<String> c) {
        for (String w : value.split(" ")) {
          c.collect(w);
        }
      }
    });
    List<String> expected = new ArrayList<>();
    for (long i = 2; i <= 200; i += 2) {
      expected.add("even" + i);
      expected.add("again" + i);
    }
    expected.addAll(List.of("a", "b", "c", "d", "e", "f"));
    assertThat(collect(out)).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void connectWithCoProcessSeesBothInputs() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    DataStream<Long> numbers = env.fromSequence(1, 100);
    DataStream<String> words = env.fromElements("p", "q");
    DataStream<String> out = numbers.connect(words).process(new CoProcessFunction<Long, String, String>() {
      @Override
      public void processElement1(Long value, Context ctx, Collector<String> c) {
        c.collect("1:" + value);
      }

      @Override
      public void processElement2(String value, Context ctx, Collector<String> c) {
        c.collect("2:" + value);
      }
    });
    List<String> expected = new ArrayList<>();
    for (long i = 1; i <= 100; i++) {
      expected.add("1:" + i);
    }
    expected.addAll(List.of("2:p", "2:q"));
    assertThat(collect(out)).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void keyedConnectSendsEqualKeysOfBothInputsToOneSubtask() throws Exception {
    int parallelism = 3;
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
    DataStream<Long> numbers = env.fromSequence(0, 999);
    DataStream<String> words = env.fromSequence(0, 499).map(i -> "w" + i);
    RecordingSink<String> sink = new RecordingSink<>();
    numbers.connect(words)
        .keyBy(x -> (int) (x % 40), w -> Integer.parseInt(w.substring(1)) % 40)
        .process(new CoProcessFunction<Long, String, String>() {
          @Override
          public void processElement1(Long value, Context ctx, Collector<String> c) {
            c.collect((int) (value % 40) + ":n");
          }

          @Override
          public void processElement2(String value, Context ctx, Collector<String> c) {
            c.collect(Integer.parseInt(value.substring(1)) % 40 + ":w");
          }
        })
        .sinkTo(sink); // forward, equal parallelism: the sink subtask is the co-process subtask
    E2eSupport.run(env, "keyed-connect");
    List<Landed<String>> landed = sink.landed();
    assertThat(landed).hasSize(1_500);
    Map<Integer, Set<Integer>> subtasksOfKey = new HashMap<>();
    for (Landed<String> l : landed) {
      int key = Integer.parseInt(l.value().substring(0, l.value().indexOf(':')));
      subtasksOfKey.computeIfAbsent(key, k -> new HashSet<>()).add(l.subtask());
    }
    assertThat(subtasksOfKey).hasSize(40);
    subtasksOfKey.forEach((key, subtasks) -> {
      int expected = KeyGroupAssignment.subtaskForKeyGroup(
          KeyGroupAssignment.keyGroupForHash(Integer.hashCode(key), 128), 128, parallelism);
      assertThat(subtasks).as("subtasks of key %d", key).containsExactly(expected);
    });
  }

  @Test
  void processWithSideOutputsOfDifferentTypes() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    OutputTag<String> odd = new OutputTag<String>("odd") {};
    OutputTag<Integer> big = new OutputTag<>("big", Types.INT);
    SingleOutputStreamOperator<Long> evens = env.fromSequence(1, 2_000)
        .process(new ProcessFunction<Long, Long>() {
          @Override
          public void processElement(Long value, Context ctx, Collector<Long> out) {
            if (value % 2 == 0) {
              out.collect(value);
            } else {
              ctx.output(odd, "odd-" + value);
            }
            if (value > 1_990) {
              ctx.output(big, (int) (long) value);
            }
          }
        });
    RecordingSink<Long> mainSink = new RecordingSink<>();
    RecordingSink<String> oddSink = new RecordingSink<>();
    RecordingSink<Integer> bigSink = new RecordingSink<>();
    evens.sinkTo(mainSink);
    evens.getSideOutput(odd).sinkTo(oddSink);
    evens.getSideOutput(big).map(i -> i * 10).setParallelism(1).sinkTo(bigSink);
    E2eSupport.run(env, "side-outputs");

    List<Long> expectedMain = new ArrayList<>();
    List<String> expectedOdd = new ArrayList<>();
    List<Integer> expectedBig = new ArrayList<>();
    for (long v = 1; v <= 2_000; v++) {
      if (v % 2 == 0) {
        expectedMain.add(v);
      } else {
        expectedOdd.add("odd-" + v);
      }
      if (v > 1_990) {
        expectedBig.add((int) v * 10);
      }
    }
    assertThat(mainSink.values()).containsExactlyInAnyOrderElementsOf(expectedMain);
    assertThat(oddSink.values()).containsExactlyInAnyOrderElementsOf(expectedOdd);
    assertThat(bigSink.values()).containsExactlyInAnyOrderElementsOf(expectedBig);
  }

  @Test
  void aSideOutputNobodyReadsIsDropped() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    OutputTag<String> unused = new OutputTag<>("unused", Types.STRING);
    DataStream<Long> out = env.fromSequence(1, 100).process(new ProcessFunction<Long, Long>() {
      @Override
      public void processElement(Long value, Context ctx, Collector<Long> c) {
        ctx.output(unused, "x");
        c.collect(value);
      }
    });
    assertThat(collect(out)).containsExactlyInAnyOrderElementsOf(range(1, 100));
  }
}
