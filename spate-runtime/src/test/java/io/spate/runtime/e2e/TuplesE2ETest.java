package io.spate.runtime.e2e;

import static io.spate.runtime.e2e.E2eSupport.collect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.InvalidProgramException;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.KeyedStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.functions.Collector;
import io.spate.api.functions.KeyedProcessFunction;
import io.spate.api.tuple.Tuple;
import io.spate.api.tuple.Tuple1;
import io.spate.api.tuple.Tuple2;
import io.spate.api.tuple.Tuple3;
import io.spate.api.typeinfo.TypeHint;
import io.spate.api.typeinfo.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Flink-style tuple programs on the embedded cluster: word counts keyed by position, by field name
 * and by a lambda, positional aggregations on keyed and windowed streams, compared with plain Java.
 */
class TuplesE2ETest {

  private static final List<String> LINES = lines(400);

  private static List<String> lines(int n) {
    Random random = new Random(28);
    String[] words = {"to", "be", "or", "not", "that", "is", "the", "question", "whether", "tis", "nobler"};
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      StringBuilder line = new StringBuilder();
      for (int w = random.nextInt(8); w >= 0; w--) {
        line.append(words[random.nextInt(words.length)]).append(' ');
      }
      out.add(line.toString().trim());
    }
    return out;
  }

  private static Map<String, Integer> plainJavaCounts() {
    Map<String, Integer> counts = new TreeMap<>();
    for (String line : LINES) {
      for (String word : line.split(" ")) {
        counts.merge(word, 1, Integer::sum);
      }
    }
    return counts;
  }

  /** The last running count per word, which is the word's total: records of one key stay in order. */
  private static Map<String, Integer> lastPerWord(List<Tuple2<String, Integer>> running) {
    Map<String, Integer> last = new TreeMap<>();
    for (Tuple2<String, Integer> count : running) {
      last.put(count.f0, count.f1);
    }
    return last;
  }

  /** The flatMap of the word counts, as a method reference. */
  static void splitIntoWords(String line, Collector<Tuple2<String, Integer>> out) {
    for (String word : line.split(" ")) {
      out.collect(Tuple2.of(word, 1));
    }
  }

  private static StreamExecutionEnvironment env() {
    return StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(3);
  }

  @Test
  void wordCountKeyedByPositionSumsAsPlainJavaDoes() throws Exception {
    StreamExecutionEnvironment env = env();
    DataStream<String> text = env.fromData(LINES);
    DataStream<Tuple2<String, Integer>> counts = text
        .flatMap((String line, Collector<Tuple2<String, Integer>> out) -> {
          for (String word : line.split(" ")) {
            out.collect(Tuple2.of(word, 1));
          }
        })
        .returns(Types.TUPLE(Types.STRING, Types.INT))
        .keyBy(0)
        .sum(1);
    List<Tuple2<String, Integer>> running = collect(counts);
    Map<String, Integer> expected = plainJavaCounts();
    assertThat(running).hasSize(expected.values().stream().mapToInt(Integer::intValue).sum());
    assertThat(lastPerWord(running)).isEqualTo(expected);
  }

  @Test
  void wordCountKeyedByALambdaWithATypeHintSumsAsPlainJavaDoes() throws Exception {
    StreamExecutionEnvironment env = env();
    DataStream<Tuple2<String, Integer>> counts = env.fromData(LINES)
        .flatMap(TuplesE2ETest::splitIntoWords)
        .returns(new TypeHint<Tuple2<String, Integer>>() {})
        .keyBy(t -> t.f0)
        .sum(1);
    assertThat(lastPerWord(collect(counts))).isEqualTo(plainJavaCounts());
  }

  @Test
  void wordCountThroughAMethodReferenceNeedsNoReturnsAndSumsByFieldName() throws Exception {
    StreamExecutionEnvironment env = env();
    DataStream<Tuple2<String, Integer>> counts = env.fromData(LINES)
        .flatMap(TuplesE2ETest::splitIntoWords)   // its Collector<Tuple2<String, Integer>> keeps the type
        .keyBy("f0")
        .sum("f1");
    assertThat(lastPerWord(collect(counts))).isEqualTo(plainJavaCounts());
  }

  /** Sees the key of keyBy(int...) as Flink gives it: a tuple of the selected fields. */
  static final class KeySeen extends KeyedProcessFunction<Tuple, Tuple3<String, Integer, Long>, String> {
    @Override
    public void processElement(Tuple3<String, Integer, Long> value, Context ctx, Collector<String> out) {
      out.collect(ctx.getCurrentKey().getClass().getSimpleName() + ctx.getCurrentKey());
    }
  }

  @Test
  void theKeyOfPositionalKeyByIsATupleOfTheSelectedFieldsInTheirOrder() throws Exception {
    StreamExecutionEnvironment env = env();
    DataStream<Tuple3<String, Integer, Long>> input =
        env.fromElements(Tuple3.of("a", 1, 10L), Tuple3.of("b", 2, 20L));
    assertThat(collect(input.keyBy(0).process(new KeySeen())))
        .containsExactlyInAnyOrder("Tuple1(a)", "Tuple1(b)");
    StreamExecutionEnvironment env2 = env();
    DataStream<Tuple3<String, Integer, Long>> input2 =
        env2.fromElements(Tuple3.of("a", 1, 10L), Tuple3.of("b", 2, 20L));
    KeyedStream<Tuple3<String, Integer, Long>, Tuple> byTwo = input2.keyBy("f2", "f0");
    assertThat(byTwo.getKeyType()).isEqualTo(Types.TUPLE(Types.LONG, Types.STRING));
    assertThat(collect(byTwo.process(new KeySeen()))).containsExactlyInAnyOrder("Tuple2(10,a)", "Tuple2(20,b)");
  }

  @Test
  void positionalMinMaxMinByAndMaxByOnTuplesFollowFlink() throws Exception {
    List<Tuple3<String, Integer, Integer>> input = new ArrayList<>();
    Random random = new Random(5);
    for (int i = 0; i < 600; i++) {
      input.add(Tuple3.of("k" + random.nextInt(4), random.nextInt(50), i));
    }
    // Plain Java: per key, the last running value of each aggregation.
    Map<String, Integer> min = new HashMap<>();
    Map<String, Integer> max = new HashMap<>();
    Map<String, Tuple3<String, Integer, Integer>> minBy = new HashMap<>();
    Map<String, Tuple3<String, Integer, Integer>> maxBy = new HashMap<>();
    for (Tuple3<String, Integer, Integer> t : input) {
      min.merge(t.f0, t.f1, Math::min);
      max.merge(t.f0, t.f1, Math::max);
      minBy.merge(t.f0, t, (a, b) -> b.f1 < a.f1 ? b : a); // first of equal minima
      maxBy.merge(t.f0, t, (a, b) -> b.f1 > a.f1 ? b : a);
    }
    assertThat(lastField(collect(source(input).keyBy(0).min(1)), 1)).isEqualTo(min);
    assertThat(lastField(collect(source(input).keyBy(0).max(1)), 1)).isEqualTo(max);
    assertThat(last(collect(source(input).keyBy(0).minBy(1)))).isEqualTo(minBy);
    assertThat(last(collect(source(input).keyBy(0).maxBy("f1")))).isEqualTo(maxBy);
  }

  private static DataStream<Tuple3<String, Integer, Integer>> source(List<Tuple3<String, Integer, Integer>> input) {
    // One source subtask, so that each key's records reach their reducer in input order.
    return env().fromData(input).setParallelism(1);
  }

  private static Map<String, Integer> lastField(List<Tuple3<String, Integer, Integer>> out, int position) {
    Map<String, Integer> last = new HashMap<>();
    out.forEach(t -> last.put(t.f0, t.getField(position)));
    return last;
  }

  private static Map<String, Tuple3<String, Integer, Integer>> last(List<Tuple3<String, Integer, Integer>> out) {
    Map<String, Tuple3<String, Integer, Integer>> last = new HashMap<>();
    out.forEach(t -> last.put(t.f0, t));
    return last;
  }

  @Test
  void windowedAndAllWindowedStreamsSumTupleFieldsByPosition() throws Exception {
    List<Tuple2<String, Long>> input = new ArrayList<>();
    for (int i = 0; i < 90; i++) {
      input.add(Tuple2.of(i % 3 == 0 ? "a" : "b", (long) i));
    }
    StreamExecutionEnvironment env = env();
    List<Tuple2<String, Long>> perKey =
        collect(env.fromData(input).setParallelism(1).keyBy(0).countWindow(10).sum(1));
    long expectedA = input.stream().filter(t -> t.f0.equals("a")).mapToLong(t -> t.f1).sum();
    long expectedB = input.stream().filter(t -> t.f0.equals("b")).mapToLong(t -> t.f1).sum();
    assertThat(perKey.stream().filter(t -> t.f0.equals("a")).mapToLong(t -> t.f1).sum()).isEqualTo(expectedA);
    assertThat(perKey.stream().filter(t -> t.f0.equals("b")).mapToLong(t -> t.f1).sum()).isEqualTo(expectedB);
    assertThat(perKey).hasSize(3 + 6); // 30 records of "a" and 60 of "b" in windows of 10

    StreamExecutionEnvironment env2 = env();
    List<Tuple2<String, Long>> all = collect(env2.fromData(input).setParallelism(1).countWindowAll(30).max(1));
    assertThat(all).extracting(t -> t.f1).containsExactlyInAnyOrder(29L, 59L, 89L);
  }

  @Test
  void aKeySelectorReturningATuple2KeysByBothFieldsByValue() throws Exception {
    StreamExecutionEnvironment env = env();
    List<Tuple3<String, String, Integer>> input = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      input.add(Tuple3.of("u" + (i % 5), "p" + (i % 2), 1));
    }
    List<Tuple3<String, String, Integer>> out = collect(env.fromData(input)
        .keyBy(t -> Tuple2.of(t.f0, t.f1), Types.TUPLE(Types.STRING, Types.STRING))
        .sum(2));
    Map<Tuple2<String, String>, Integer> last = new HashMap<>();
    out.forEach(t -> last.put(Tuple2.of(t.f0, t.f1), t.f2));
    Map<Tuple2<String, String>, Integer> expected = new HashMap<>();
    input.forEach(t -> expected.merge(Tuple2.of(t.f0, t.f1), 1, Integer::sum));
    assertThat(last).isEqualTo(expected);
  }

  @Test
  void projectSelectsTupleFieldsInTheGivenOrder() throws Exception {
    StreamExecutionEnvironment env = env();
    DataStream<Tuple3<String, Integer, Long>> input =
        env.fromElements(Tuple3.of("a", 1, 10L), Tuple3.of("b", 2, 20L));
    DataStream<Tuple2<Long, String>> projected = input.project(2, 0);
    assertThat(projected.getType()).isEqualTo(Types.TUPLE(Types.LONG, Types.STRING));
    assertThat(collect(projected)).containsExactlyInAnyOrder(Tuple2.of(10L, "a"), Tuple2.of(20L, "b"));
    assertThatThrownBy(() -> input.project(3)).isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("no field at position 3");
    assertThatThrownBy(() -> env.fromElements("x").project(0)).isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("selects fields of tuples");
  }

  @Test
  void badPositionsAndFieldNamesNameTheProblem() {
    StreamExecutionEnvironment env = env();
    DataStream<Tuple2<String, Integer>> input = env.fromElements(Tuple2.of("a", 1));
    assertThatThrownBy(() -> input.keyBy(2)).isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("keyBy(2)").hasMessageContaining("no field at position 2");
    assertThatThrownBy(() -> input.keyBy("f0", "word")).isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("keyBy(\"f0\", \"word\")").hasMessageContaining("no field 'word'");
    assertThatThrownBy(() -> input.keyBy(new int[0])).isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("at least one field");
    assertThatThrownBy(() -> input.keyBy(0).sum(0)).isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("numeric");
    assertThat(Tuple1.of("x").getArity()).isEqualTo(1);
  }
}
