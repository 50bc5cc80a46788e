package io.spate.runtime.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.checkpoint.CheckpointedFunction;
import io.spate.api.checkpoint.FunctionInitializationContext;
import io.spate.api.checkpoint.FunctionSnapshotContext;
import io.spate.api.common.JobClient;
import io.spate.api.common.JobExecutionException;
import io.spate.api.common.JobStatus;
import io.spate.api.connector.sink.lib.PrintSinkFunction;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.functions.Collector;
import io.spate.api.functions.KeyedProcessFunction;
import io.spate.api.functions.OpenContext;
import io.spate.api.functions.sink.RichSinkFunction;
import io.spate.api.functions.source.RichParallelSourceFunction;
import io.spate.api.functions.source.SourceFunction;
import io.spate.api.state.ListState;
import io.spate.api.state.ListStateDescriptor;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.api.typeinfo.Types;
import io.spate.runtime.testing.RecordedOutput;
import io.spate.testing.Await;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Legacy source and sink functions in whole jobs on the embedded cluster: a parallel source with a
 * checkpointed position feeding a keyed job into {@code addSink}, the example of
 * docs/legacy-functions.md, a source that fails, and a cancelled job whose source function loops.
 */
public class LegacyFunctionsE2ETest {

  private static final Map<String, List<String>> RESULTS = new ConcurrentHashMap<>();
  private static final Set<String> CANCELLED = ConcurrentHashMap.newKeySet();

  // ---------------------------------------------------------------- docs/legacy-functions.md

  /** Emits its share of 0, 1, 2, ... below a limit; the next number to emit is its checkpointed state. */
  public static class Counter extends RichParallelSourceFunction<Long> implements CheckpointedFunction {
    private final long limit;
    private volatile boolean running = true;
    private long next = -1;
    private transient ListState<Long> nextState;

    public Counter(long limit) {
      this.limit = limit;
    }

    @Override
    public void open(OpenContext openContext) {
      if (next < 0) { // not restored: start at this subtask's first number
        next = getRuntimeContext().getIndexOfThisSubtask();
      }
    }

    @Override
    public void run(SourceContext<Long> ctx) {
      int subtasks = getRuntimeContext().getNumberOfParallelSubtasks();
      while (running && next < limit) {
        synchronized (ctx.getCheckpointLock()) {
          ctx.collect(next);
          next += subtasks;
        }
      }
    }

    @Override
    public void cancel() {
      running = false;
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
      nextState.update(List.of(next));
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
      nextState = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("next", Types.LONG));
      for (Long restored : nextState.get()) {
        next = restored;
      }
    }
  }

  @Test
  void theDocumentedJobPrintsEveryKeysTotal() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream standardOut = System.out;
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      env.setParallelism(2);
      env.enableCheckpointing(100);
      env.addSource(new Counter(1_000), "Counter")
          .keyBy(n -> n % 10)
          .reduce(Long::sum)
          .addSink(new PrintSinkFunction<>());
      env.execute("legacy functions");
    } finally {
      System.setOut(standardOut);
    }
    List<Long> values = Arrays.stream(printed.toString(StandardCharsets.UTF_8).split(System.lineSeparator()))
        .filter(line -> line.matches("[12]> \\d+"))
        .map(line -> Long.parseLong(line.substring(3)))
        .toList();
    assertThat(values).as("one running sum per number").hasSize(1_000);
    for (long key = 0; key < 10; key++) {
      long total = 0;
      for (long n = key; n < 1_000; n += 10) {
        total += n;
      }
      assertThat(values).as("the total of key %s", key).contains(total);
    }
  }

  // ---------------------------------------------------------------- a keyed job into addSink

  /** Sums the numbers of each key and emits "key=sum" when event time ends. */
  static final class SumAtEnd extends KeyedProcessFunction<Long, Long, String> {
    private static final long serialVersionUID = 1L;
    private transient ValueState<Long> sum;

    @Override
    public void open(OpenContext context) {
      sum = getRuntimeContext().getState(new ValueStateDescriptor<>("sum", Types.LONG));
    }

    @Override
    public void processElement(Long value, Context ctx, Collector<String> out) throws Exception {
      sum.update((sum.value() == null ? 0 : sum.value()) + value);
      ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE - 1);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
      out.collect(ctx.getCurrentKey() + "=" + sum.value());
    }
  }

  /** Keeps what it is given by run id; checks that it was opened first. */
  static final class ResultSink extends RichSinkFunction<String> {
    private static final long serialVersionUID = 1L;
    private final String runId;
    private transient boolean opened;

    ResultSink(String runId) {
      this.runId = runId;
    }

    @Override
    public void open(OpenContext openContext) {
      opened = true;
    }

    @Override
    public void invoke(String value, Context context) {
      if (!opened) {
        throw new IllegalStateException("invoke before open");
      }
      RESULTS.computeIfAbsent(runId, k -> Collections.synchronizedList(new ArrayList<>())).add(value);
    }
  }

  static List<String> expectedSums(long records, int keys) {
    Map<Long, Long> sums = new TreeMap<>();
    for (long n = 0; n < records; n++) {
      sums.merge(n % keys, n, Long::sum);
    }
    List<String> lines = new ArrayList<>();
    sums.forEach((key, sum) -> lines.add(key + "=" + sum));
    lines.sort(null);
    return lines;
  }

  static List<String> results(String runId) {
    return RecordedOutput.sorted(RESULTS.getOrDefault(runId, List.of()));
  }

  @Test
  void aParallelCheckpointedSourceFeedsAKeyedJobIntoASinkFunction() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    env.enableCheckpointing(20);
    env.addSource(new Counter(20_000), "Counter")
        .keyBy(n -> n % 7)
        .process(new SumAtEnd())
        .addSink(new ResultSink("keyed"));
    E2eSupport.run(env, "legacy keyed");
    assertThat(results("keyed")).isEqualTo(expectedSums(20_000, 7));
  }

  // ---------------------------------------------------------------- failure and cancellation

  @Test
  void aSourceFunctionThatThrowsFailsTheJobNamingTheSource() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.addSource(new SourceFunction<String>() {
      @Override
      public void run(SourceContext<String> ctx) {
        ctx.collect("first");
        throw new IllegalStateException("the feed broke");
      }

      @Override
      public void cancel() {}
    }, "Broken Feed").addSink(new ResultSink("broken"));
    assertThatThrownBy(() -> E2eSupport.run(env, "legacy failure"))
        .isInstanceOf(JobExecutionException.class)
        .satisfies(e -> assertThat(causeMessages(e)).contains("Broken Feed").contains("the feed broke"));
  }

  private static String causeMessages(Throwable t) {
    StringBuilder messages = new StringBuilder();
    for (Throwable c = t; c != null && messages.length() < 10_000; c = c.getCause()) {
      messages.append(c.getMessage()).append('\n');
    }
    return messages.toString();
  }

  /** Emits until cancelled, then notes that it returned. */
  static final class Endless implements SourceFunction<Long> {
    private static final long serialVersionUID = 1L;
    private final String runId;
    private volatile boolean running = true;

    Endless(String runId) {
      this.runId = runId;
    }

    @Override
    public void run(SourceContext<Long> ctx) {
      long n = 0;
      while (running) {
        ctx.collect(n++);
      }
      CANCELLED.add(runId);
    }

    @Override
    public void cancel() {
      running = false;
    }
  }

  @Test
  void cancellingTheJobCancelsTheLoopingFunction() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.addSource(new Endless("endless"), "Endless").map(n -> "n" + n).returns(Types.STRING)
        .addSink(new ResultSink("endless"));
    JobClient client = env.executeAsync("legacy cancel");
    Await.until(Duration.ofSeconds(20), "records of the endless source", () -> !results("endless").isEmpty());
    client.cancel().get(20, TimeUnit.SECONDS);
    Await.until(Duration.ofSeconds(20), "the job to be cancelled",
        () -> client.getJobStatus().get(5, TimeUnit.SECONDS) == JobStatus.CANCELED);
    Await.until(Duration.ofSeconds(20), "the source function to return after cancel()",
        () -> CANCELLED.contains("endless"));
  }
}
