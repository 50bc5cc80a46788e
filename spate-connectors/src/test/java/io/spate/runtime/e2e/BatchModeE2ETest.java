package io.spate.runtime.e2e;

import static io.spate.runtime.e2e.E2eSupport.collect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.InvalidProgramException;
import io.spate.api.common.RuntimeExecutionMode;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.typeinfo.Types;
import io.spate.connectors.datagen.DataGeneratorSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** BATCH execution of bounded programs: the same final results as STREAMING, and only final values. */
class BatchModeE2ETest {

  /** A counted word. */
  public record WordCount(String word, long count) {}

  private static final int N = 30_000;

  private static DataStream<WordCount> words(StreamExecutionEnvironment env) {
    return env.fromSequence(1, N).map(i -> new WordCount("w" + (i * 31 % 101), i % 5 + 1));
  }

  private static Map<String, Long> expectedTotals() {
    Map<String, Long> totals = new HashMap<>();
    for (long i = 1; i <= N; i++) {
      totals.merge("w" + (i * 31 % 101), i % 5 + 1, Long::sum);
    }
    return totals;
  }

  private static StreamExecutionEnvironment env(RuntimeExecutionMode mode) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.setRuntimeMode(mode);
    return env;
  }

  private static List<WordCount> keyedReduce(RuntimeExecutionMode mode) throws Exception {
    StreamExecutionEnvironment env = env(mode);
    return collect(words(env).keyBy(WordCount::word)
        .reduce((a, b) -> new WordCount(a.word(), a.count() + b.count())));
  }

  @Test
  void batchKeyedReduceEmitsExactlyTheLastStreamingValuePerKey() throws Exception {
    List<WordCount> streaming = keyedReduce(RuntimeExecutionMode.STREAMING);
    List<WordCount> batch = keyedReduce(RuntimeExecutionMode.BATCH);

    assertThat(streaming).hasSize(N);
    // the last streaming value per key: the largest running count (counts are positive)
    Map<String, Long> lastStreaming = new HashMap<>();
    for (WordCount wc : streaming) {
      lastStreaming.merge(wc.word(), wc.count(), Math::max);
    }
    assertThat(lastStreaming).isEqualTo(expectedTotals());

    Map<String, Long> batchValues = new HashMap<>();
    for (WordCount wc : batch) {
      assertThat(batchValues.put(wc.word(), wc.count())).as("second BATCH value for %s", wc.word()).isNull();
    }
    assertThat(batch).hasSize(expectedTotals().size());
    assertThat(batchValues).isEqualTo(lastStreaming);
  }

  @Test
  void batchAggregationsEmitOneFinalValuePerKey() throws Exception {
    StreamExecutionEnvironment env = env(RuntimeExecutionMode.BATCH);
    List<WordCount> sums = collect(words(env).keyBy(WordCount::word).sum("count"));
    Map<String, Long> actual = new HashMap<>();
    for (WordCount wc : sums) {
      assertThat(actual.put(wc.word(), wc.count())).isNull();
    }
    assertThat(actual).isEqualTo(expectedTotals());
  }

  @Test
  void batchChainsOfShufflesSeeOnlyFinalValues() throws Exception {
    // word count, then how many words have each count: exact only if the second stage sees final counts
    StreamExecutionEnvironment env = env(RuntimeExecutionMode.BATCH);
    List<WordCount> histogram = collect(words(env)
        .keyBy(WordCount::word).sum("count")
        .map(wc -> new WordCount("count=" + wc.count(), 1))
        .keyBy(WordCount::word).sum("count"));
    Map<String, Long> expected = new HashMap<>();
    for (long total : expectedTotals().values()) {
      expected.merge("count=" + total, 1L, Long::sum);
    }
    Map<String, Long> actual = new HashMap<>();
    for (WordCount wc : histogram) {
      assertThat(actual.put(wc.word(), wc.count())).isNull();
    }
    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void statelessPipelinesGiveTheSameRecordsInBothModes() throws Exception {
    List<List<Long>> results = new ArrayList<>();
    for (RuntimeExecutionMode mode : RuntimeExecutionMode.values()) {
      StreamExecutionEnvironment env = env(mode);
      results.add(collect(env.fromSequence(1, 5_000).map(x -> x * x).filter(x -> x % 3 == 1)));
    }
    assertThat(results.get(0)).isNotEmpty();
    for (List<Long> r : results) {
      assertThat(r).containsExactlyInAnyOrderElementsOf(results.get(0));
    }
  }

  @Test
  void automaticPicksBatchWhenEverySourceIsBounded() throws Exception {
    StreamExecutionEnvironment env = env(RuntimeExecutionMode.AUTOMATIC);
    words(env).keyBy(WordCount::word).reduce((a, b) -> new WordCount(a.word(), a.count() + b.count())).discard();
    assertThat(env.getStreamGraph("auto").runtimeMode()).isEqualTo(RuntimeExecutionMode.BATCH);

    StreamExecutionEnvironment env2 = env(RuntimeExecutionMode.AUTOMATIC);
    List<WordCount> out = collect(words(env2).keyBy(WordCount::word)
        .reduce((a, b) -> new WordCount(a.word(), a.count() + b.count())));
    assertThat(out).hasSize(expectedTotals().size());
    Map<String, Long> actual = new HashMap<>();
    out.forEach(wc -> actual.put(wc.word(), wc.count()));
    assertThat(actual).isEqualTo(expectedTotals());
  }

  @Test
  void automaticPicksStreamingWhenASourceIsUnbounded() {
    StreamExecutionEnvironment env = env(RuntimeExecutionMode.AUTOMATIC);
    DataStream<Long> unbounded = env.fromSource(
        new DataGeneratorSource<>(i -> i, Long.MAX_VALUE, Types.LONG), WatermarkStrategy.noWatermarks(), "endless");
    unbounded.union(env.fromSequence(1, 10)).discard();
    assertThat(env.getStreamGraph("auto-unbounded").runtimeMode()).isEqualTo(RuntimeExecutionMode.STREAMING);
  }

  @Test
  void anUnboundedSourceInBatchModeIsAClearError() {
    StreamExecutionEnvironment env = env(RuntimeExecutionMode.BATCH);
    env.fromSource(new DataGeneratorSource<>(i -> i, Long.MAX_VALUE, Types.LONG),
        WatermarkStrategy.noWatermarks(), "endless-generator").map(x -> x + 1).discard();
    assertThatThrownBy(() -> env.execute("batch-with-unbounded"))
        .isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("BATCH")
        .hasMessageContaining("endless-generator")
        .hasMessageContaining("unbounded");
  }
}
