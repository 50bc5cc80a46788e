package io.spate.runtime.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.InvalidProgramException;
import io.spate.api.common.JobClient;
import io.spate.api.common.OutputTag;
import io.spate.api.datastream.CloseableIterator;
import io.spate.api.datastream.CustomSinkOperatorUidHashes;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.DataStreamSink;
import io.spate.api.datastream.DataStreamSource;
import io.spate.api.datastream.SideOutputDataStream;
import io.spate.api.datastream.SingleOutputStreamOperator;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.connector.source.lib.NumberSequenceSource;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.functions.ProcessFunction;
import io.spate.api.functions.RichMapFunction;
import io.spate.api.tuple.Tuple2;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.typeinfo.Types;
import io.spate.api.functions.Collector;
import io.spate.runtime.graph.JobGraph;
import io.spate.runtime.graph.JobGraphGenerator;
import io.spate.runtime.graph.StreamNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Flink's per-operator settings and stream members on SingleOutputStreamOperator, DataStreamSink and
 * DataStream: each changes the job as in Flink.
 */
class OperatorSettingsE2ETest {

  private static final String HASH_A = "0123456789abcdef0123456789ABCDEF";
  private static final TypeInformation<Tuple2<Integer, String>> PAIR = Types.TUPLE(Types.INT, Types.STRING);
  private static final String HASH_B = "fedcba9876543210fedcba9876543210";

  private static StreamNode node(JobGraph graph, String name) {
    return graph.vertices().stream().flatMap(v -> v.getChain().stream())
        .filter(n -> n.getName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no operator " + name));
  }

  @Test
  void aUidHashIsTheOperatorsIdForItsState() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    SingleOutputStreamOperator<Long> mapped = env.fromSequence(1, 10).map(x -> x).name("m").uid("m-uid")
        .setUidHash(HASH_A);
    DataStreamSink<Long> sink = mapped.discard().name("out").setUidHash(HASH_B);
    JobGraph graph = JobGraphGenerator.generate(env.getStreamGraph("uid-hash"));

    assertThat(node(graph, "m").getOperatorId()).as("the hash wins over the uid, in lower case")
        .isEqualTo(HASH_A.toLowerCase());
    assertThat(node(graph, "out").getOperatorId()).isEqualTo(HASH_B);
    assertThat(sink.getTransformation().getUidHash()).isEqualTo(HASH_B);
  }

  @Test
  void aUidHashMustBeThirtyTwoHexDigitsAndUnique() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    SingleOutputStreamOperator<Long> mapped = env.fromSequence(1, 10).map(x -> x).name("m");
    assertThatThrownBy(() -> mapped.setUidHash("abc")).isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("'m'").hasMessageContaining("32 hex digits");
    mapped.setUidHash(HASH_A).map(x -> x).name("m2").setUidHash(HASH_A.toLowerCase()).discard();
    assertThatThrownBy(() -> env.getStreamGraph("duplicate"))
        .isInstanceOf(InvalidProgramException.class).hasMessageContaining("uid hash '" + HASH_A.toLowerCase() + "'");
  }

  @Test
  void theWriterHashOfASinkNamesItsOperatorAndCommitterHashesAreRefused() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    DataStream<Long> numbers = env.fromSequence(1, 10);
    numbers.sinkTo(new E2eSupport.RecordingSink<>(),
        CustomSinkOperatorUidHashes.builder().setWriterUidHash(HASH_B).build()).name("sink");
    JobGraph graph = JobGraphGenerator.generate(env.getStreamGraph("sink-hashes"));
    assertThat(node(graph, "sink").getOperatorId()).isEqualTo(HASH_B);

    assertThatThrownBy(() -> numbers.sinkTo(new E2eSupport.RecordingSink<>(),
        CustomSinkOperatorUidHashes.builder().setCommitterUidHash(HASH_A).build()))
        .isInstanceOf(InvalidProgramException.class).hasMessageContaining("setWriterUidHash");
    assertThatThrownBy(() -> numbers.sinkTo(new E2eSupport.RecordingSink<>(),
        new CustomSinkOperatorUidHashes(null, null, HASH_A)))
        .isInstanceOf(InvalidProgramException.class).hasMessageContaining("global committer");
    assertThat(CustomSinkOperatorUidHashes.DEFAULT.getWriterUidHash()).isNull();
  }

  @Test
  void aNonParallelOperatorRunsAsOneSubtaskAndKeepsItThatWay() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(3);
    SingleOutputStreamOperator<Integer> single = env.fromSequence(1, 30).map(new SubtaskCount()).name("single")
        .forceNonParallel();
    assertThatThrownBy(() -> single.setParallelism(2)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'single'").hasMessageContaining("must be 1");
    assertThat(single.setParallelism(1).getParallelism()).isEqualTo(1);

    assertThat(E2eSupport.collect(single)).hasSize(30).containsOnly(1);
    StreamExecutionEnvironment again = StreamExecutionEnvironment.createLocalEnvironment(3);
    again.fromSequence(1, 3).map(x -> x).name("single").forceNonParallel().discard();
    StreamNode node = node(JobGraphGenerator.generate(again.getStreamGraph("non-parallel")), "single");
    assertThat(node.getParallelism()).isEqualTo(1);
    assertThat(node.getMaxParallelism()).isEqualTo(1);
  }

  /** The number of parallel subtasks of the operator, for each record. */
  static final class SubtaskCount extends RichMapFunction<Long, Integer> {
    private static final long serialVersionUID = 1L;

    @Override
    public Integer map(Long value) {
      return getRuntimeContext().getNumberOfParallelSubtasks();
    }
  }

  @Test
  void namesDescriptionsAndTheSinksMaxParallelismAreKeptOnTheOperators() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    SingleOutputStreamOperator<Long> mapped = env.fromSequence(1, 10).map(x -> x).name("m")
        .setDescription("doubles nothing");
    DataStreamSink<Long> sink = mapped.discard().name("out").setDescription("drops all").setMaxParallelism(4);
    assertThat(mapped.getName()).isEqualTo("m");
    assertThat(mapped.getTransformation().getDescription()).isEqualTo("doubles nothing");
    assertThat(sink.getTransformation().getDescription()).isEqualTo("drops all");
    assertThat(node(JobGraphGenerator.generate(env.getStreamGraph("settings")), "out").getMaxParallelism())
        .isEqualTo(4);
    assertThat(mapped.getExecutionConfig()).isSameAs(env.getConfig());
  }

  @Test
  void aSideOutputIsASideOutputDataStream() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    OutputTag<String> odd = new OutputTag<String>("odd") {};
    SingleOutputStreamOperator<Long> even = env.fromSequence(1, 6).process(new ProcessFunction<Long, Long>() {
      @Override
      public void processElement(Long value, Context ctx, Collector<Long> out) {
        if (value % 2 == 0) {
          out.collect(value);
        } else {
          ctx.output(odd, "odd " + value);
        }
      }
    });
    SideOutputDataStream<String> odds = even.getSideOutput(odd);
    assertThat(E2eSupport.collect(odds)).containsExactlyInAnyOrder("odd 1", "odd 3", "odd 5");
  }

  @Test
  void partitionCustomByPositionOrFieldHandsTheFieldsValueToThePartitioner() throws Exception {
    for (boolean byName : new boolean[] {false, true}) {
      StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(3);
      DataStream<Tuple2<Integer, String>> pairs = env.fromData(List.of(
          Tuple2.of(0, "a"), Tuple2.of(1, "b"), Tuple2.of(2, "c"), Tuple2.of(4, "d"), Tuple2.of(5, "e")), PAIR);
      io.spate.api.functions.Partitioner<Integer> modulo = (key, partitions) -> key % partitions;
      DataStream<Tuple2<Integer, String>> partitioned =
          byName ? pairs.partitionCustom(modulo, "f0") : pairs.partitionCustom(modulo, 0);
      List<Tuple2<Integer, Integer>> landed = E2eSupport.collect(partitioned.map(new WithSubtask()));
      assertThat(landed).as("by name: %s", byName).hasSize(5)
          .allSatisfy(pair -> assertThat(pair.f1).isEqualTo(pair.f0 % 3));
    }
  }

  @Test
  void partitionCustomOnAMissingFieldNamesIt() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    DataStream<Tuple2<Integer, String>> pairs = env.fromData(List.of(Tuple2.of(0, "a")), PAIR);
    io.spate.api.functions.Partitioner<Integer> modulo = (key, partitions) -> key % partitions;
    assertThatThrownBy(() -> pairs.partitionCustom(modulo, 5)).isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("partitionCustom(partitioner, 5)");
    assertThatThrownBy(() -> pairs.partitionCustom(modulo, "price")).isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("price");
  }

  /** The record's key and the subtask that got it. */
  static final class WithSubtask extends RichMapFunction<Tuple2<Integer, String>, Tuple2<Integer, Integer>> {
    private static final long serialVersionUID = 1L;

    @Override
    public Tuple2<Integer, Integer> map(Tuple2<Integer, String> value) {
      return Tuple2.of(value.f0, getRuntimeContext().getIndexOfThisSubtask());
    }
  }

  @Test
  void executeAndCollectWithANameAndALimitStopsAtTheLimit() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    assertThat(env.fromSequence(1, 1_000).executeAndCollect("first five", 5)).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThatThrownBy(() -> env.fromSequence(1, 10).executeAndCollect("none", 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
  }

  @Test
  void collectAsyncCollectsSeveralStreamsOfOneJob() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    DataStream<Long> numbers = env.fromSequence(1, 5);
    CloseableIterator<Long> doubled = numbers.map(x -> x * 2).collectAsync();
    DataStream.Collector<Long> squares = new DataStream.Collector<>();
    numbers.map(x -> x * x).collectAsync(squares);
    assertThatThrownBy(doubled::hasNext).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("executeAsync");

    JobClient client = env.executeAsync("collect async");
    List<Long> first = new ArrayList<>();
    List<Long> second = new ArrayList<>();
    try (CloseableIterator<Long> a = doubled; CloseableIterator<Long> b = squares.getOutput()) {
      a.forEachRemaining(first::add);
      b.forEachRemaining(second::add);
    }
    E2eSupport.awaitResult(client);
    assertThat(first).containsExactly(2L, 4L, 6L, 8L, 10L);
    assertThat(second).containsExactly(1L, 4L, 9L, 16L, 25L);
  }

  @Test
  void flinksDataStreamSourceConstructorsReadASourceOrWrapAStream() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    DataStreamSource<Long> numbers = new DataStreamSource<>(env, new NumberSequenceSource(1, 5),
        WatermarkStrategy.noWatermarks(), Types.LONG, "numbers");
    assertThat(numbers.getName()).isEqualTo("numbers");
    assertThat(numbers.getType()).isEqualTo(Types.LONG);
    assertThat(E2eSupport.collect(numbers)).containsExactly(1L, 2L, 3L, 4L, 5L);

    DataStreamSource<Long> wrapped = new DataStreamSource<>(env.fromSequence(1, 3).map(x -> x * 10));
    assertThat(E2eSupport.collect(wrapped)).containsExactly(10L, 20L, 30L);
  }
}
