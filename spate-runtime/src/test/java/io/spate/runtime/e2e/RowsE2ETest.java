package io.spate.runtime.e2e;

import static io.spate.runtime.e2e.E2eSupport.collect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.checkpoint.CheckpointedFunction;
import io.spate.api.checkpoint.FunctionInitializationContext;
import io.spate.api.checkpoint.FunctionSnapshotContext;
import io.spate.api.common.JobClient;
import io.spate.api.common.RestartStrategies;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.functions.Collector;
import io.spate.api.functions.RichMapFunction;
import io.spate.api.state.CheckpointListener;
import io.spate.api.state.FileSystemCheckpointStorage;
import io.spate.api.typeinfo.FieldAccessor;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.typeinfo.Types;
import io.spate.api.types.Row;
import io.spate.testing.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Streams of {@link Row}s on the embedded cluster: keyed by a field's name or position and summed,
 * compared with plain Java, and summed in keyed state that must come back from a checkpoint after a
 * failure.
 */
class RowsE2ETest {

  private static final TypeInformation<Row> WORD_COUNT =
      Types.ROW_NAMED(new String[] {"word", "count"}, Types.STRING, Types.LONG);

  private static final List<String> WORDS =
      List.of("to", "be", "or", "not", "to", "be", "that", "is", "the", "question", "to", "be");

  private static Map<String, Long> plainJavaCounts() {
    Map<String, Long> counts = new TreeMap<>();
    WORDS.forEach(word -> counts.merge(word, 1L, Long::sum));
    return counts;
  }

  /**
   * The last running count per word, which is its total: records of one key stay in order. The
   * type's accessors read rows by position or by name, whichever the row has.
   */
  private static Map<String, Long> lastPerWord(List<Row> running) {
    FieldAccessor<Row, String> word = WORD_COUNT.fieldAccessor("word");
    FieldAccessor<Row, Long> count = WORD_COUNT.fieldAccessor("count");
    Map<String, Long> last = new TreeMap<>();
    running.forEach(row -> last.put(word.get(row), count.get(row)));
    return last;
  }

  private static DataStream<Row> wordRows(StreamExecutionEnvironment env) {
    return env.fromData(WORDS)
        .flatMap((String word, Collector<Row> out) -> out.collect(Row.of(word, 1L)))
        .returns(WORD_COUNT);
  }

  @Test
  void rowsKeyedByAFieldNameAreSummedByName() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(3);
    List<Row> running = collect(wordRows(env).keyBy("word").sum("count"));
    assertThat(running).hasSize(WORDS.size());
    assertThat(lastPerWord(running)).isEqualTo(plainJavaCounts());
  }

  @Test
  void rowsKeyedByPositionAreSummedByPosition() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(3);
    List<Row> running = collect(wordRows(env).keyBy(0).sum(1));
    assertThat(lastPerWord(running)).isEqualTo(plainJavaCounts());
  }

  @Test
  void maxAndMinByTakeRowFieldsByNameAndPosition() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(2);
    DataStream<Row> bids = env.fromElements(Row.of("a", 5L), Row.of("b", 2L), Row.of("a", 9L), Row.of("a", 1L))
        .setParallelism(1);
    List<Row> max = collect(bids.keyBy("f0").max("f1"));
    assertThat(max).containsExactlyInAnyOrder(Row.of("a", 5L), Row.of("b", 2L), Row.of("a", 9L), Row.of("a", 9L));
    StreamExecutionEnvironment env2 = StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(2);
    DataStream<Row> bids2 = env2.fromElements(Row.of("a", 5L), Row.of("b", 2L), Row.of("a", 9L), Row.of("a", 1L))
        .setParallelism(1);
    List<Row> minBy = collect(bids2.keyBy(0).minBy(1));
    assertThat(minBy).containsExactlyInAnyOrder(Row.of("a", 5L), Row.of("b", 2L), Row.of("a", 5L), Row.of("a", 1L));
  }

  @Test
  void nameBasedRowsAreKeyedAndSummedByTheirNames() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(2);
    DataStream<Row> named = env.fromData(WORDS)
        .map(word -> {
          Row row = Row.withNames();
          row.setField("count", 1L);
          row.setField("word", word);
          return row;
        })
        .returns(WORD_COUNT);
    assertThat(lastPerWord(collect(named.keyBy("word").sum("count")))).isEqualTo(plainJavaCounts());
  }

  @Test
  void rowsGivenAsElementsGetTheirTypeFromTheFirstRow() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(2);
    DataStream<Row> rows = env.fromElements(Row.of("a", 1L), Row.of("b", 2L), Row.of("a", 3L));
    assertThat(rows.getType()).isEqualTo(Types.ROW(Types.STRING, Types.LONG));
    List<Row> sums = collect(rows.keyBy("f0").sum("f1"));
    assertThat(sums).contains(Row.of("a", 4L), Row.of("b", 2L)).hasSize(3);
  }

  @Test
  void aStreamOfRowsWithoutADeclaredTypeFailsAskingForIt() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    DataStream<Row> rows = env.fromData(WORDS).map(word -> Row.of(word, 1L));
    assertThatThrownBy(() -> collect(rows.keyBy(row -> (String) row.getField(0)).sum(1)))
        .hasMessageContaining("is a Row, whose class says nothing about the types of its fields")
        .hasMessageContaining(".returns(Types.ROW(Types.STRING, Types.LONG))");
  }

  // A sum of rows in keyed state, recovered from a checkpoint.

  // Held at a fifth of a millisecond per record until the test sees the restore. The first barrier
  // waits behind the records already in the channels, so the source must hold out well past that,
  // or the job ends before a checkpoint completed: 6 s of held records per subtask (with 6 000
  // records at 1 ms each, a loaded machine's first checkpoint once came too late).
  private static final long RECORDS = 60_000;
  private static final int USERS = 6;
  private static final Set<String> HELD = ConcurrentHashMap.newKeySet();
  private static final Set<String> CHECKPOINTED = ConcurrentHashMap.newKeySet();
  private static final Set<String> FAILED = ConcurrentHashMap.newKeySet();
  private static final Set<String> RESTORED = ConcurrentHashMap.newKeySet();
  private static final Map<String, Long> HIGHEST_SUM = new ConcurrentHashMap<>();

  @Test
  void aSumOfRowsKeyedByNameComesBackFromACheckpointExactly(@TempDir Path checkpoints) throws Exception {
    // The default backend (heap), or RocksDB when RocksDBRowsE2ETest runs this.
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(2);
    env.getCheckpointConfig().setCheckpointStorage(new FileSystemCheckpointStorage(checkpoints.toUri().toString()));
    env.enableCheckpointing(20);
    env.setRestartStrategy(RestartStrategies.fixedDelayRestart(3, Duration.ZERO));
    String run = "rows";
    FAILED.remove(run);
    CHECKPOINTED.remove(run);
    RESTORED.remove(run);
    HIGHEST_SUM.clear();
    HELD.add(run);
    env.fromSequence(1, RECORDS)
        .map(new ToPurchase(run))
        .returns(Types.ROW_NAMED(new String[] {"user", "amount"}, Types.STRING, Types.LONG))
        .keyBy("user")
        .sum("amount")
        .map(new RecordHighest())
        .returns(Types.ROW_NAMED(new String[] {"user", "amount"}, Types.STRING, Types.LONG))
        .discard();
    JobClient client = env.executeAsync("row sums");
    try {
      Path jobDirectory = checkpoints.resolve(client.getJobID().toString());
      Await.until(Duration.ofSeconds(60), "the job restores from a checkpoint under " + jobDirectory,
          () -> RESTORED.contains(run) && hasCompletedCheckpoint(jobDirectory));
      HELD.remove(run);
      client.getJobExecutionResult().get(60, TimeUnit.SECONDS);
    } finally {
      HELD.remove(run);
      if (!client.getJobExecutionResult().isDone()) {
        client.cancel().get(10, TimeUnit.SECONDS);
      }
    }
    assertThat(FAILED).as("the planned failure happened").contains(run);
    Map<String, Long> expected = new TreeMap<>();
    for (long x = 1; x <= RECORDS; x++) {
      expected.merge("u" + x % USERS, x, Long::sum);
    }
    assertThat(new TreeMap<>(HIGHEST_SUM)).isEqualTo(expected);
  }

  private static boolean hasCompletedCheckpoint(Path jobDirectory) throws Exception {
    if (!Files.isDirectory(jobDirectory)) {
      return false;
    }
    try (Stream<Path> children = Files.list(jobDirectory)) {
      return children.anyMatch(child -> child.getFileName().toString().startsWith("chk-")
          && Files.exists(child.resolve("_metadata")));
    }
  }

  /**
   * Turns a number into a purchase row; slow while its run is held, so that checkpoints complete,
   * and fails once after the first one completed.
   */
  static final class ToPurchase extends RichMapFunction<Long, Row> implements CheckpointedFunction, CheckpointListener {
    private static final long serialVersionUID = 1L;
    private final String run;

    ToPurchase(String run) {
      this.run = run;
    }

    @Override
    public void initializeState(FunctionInitializationContext context) {
      if (context.isRestored()) {
        RESTORED.add(run);
      }
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) {}

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      CHECKPOINTED.add(run);
    }

    @Override
    public Row map(Long x) {
      if (CHECKPOINTED.contains(run) && FAILED.add(run)) {
        throw new IllegalStateException("The failure planned after the first checkpoint");
      }
      if (HELD.contains(run)) {
        LockSupport.parkNanos(200_000);
      }
      Row purchase = Row.withNames();
      purchase.setField("user", "u" + x % USERS);
      purchase.setField("amount", x);
      return purchase;
    }
  }

  /**
   * Notes the highest running sum per user: the total, once every purchase was counted once. The
   * sums are the name-based rows the source made, summed in place or copied by the serializer.
   */
  static final class RecordHighest extends RichMapFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    @Override
    public Row map(Row sum) {
      HIGHEST_SUM.merge(sum.getFieldAs("user"), sum.getFieldAs("amount"), Math::max);
      return sum;
    }
  }
}
