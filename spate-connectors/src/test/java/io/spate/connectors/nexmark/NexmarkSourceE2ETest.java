package io.spate.connectors.nexmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.checkpoint.RestoredCheckpoint;
import io.spate.api.common.JobClient;
import io.spate.api.common.RestartStrategies;
import io.spate.api.configuration.CheckpointingOptions;
import io.spate.api.configuration.Configuration;
import io.spate.api.connector.sink.Sink;
import io.spate.api.connector.sink.SinkWriter;
import io.spate.api.connector.sink.WriterInitContext;
import io.spate.api.datastream.CloseableIterator;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.functions.Collector;
import io.spate.api.functions.KeyedProcessFunction;
import io.spate.api.functions.OpenContext;
import io.spate.api.functions.RichMapFunction;
import io.spate.api.state.CheckpointListener;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.api.typeinfo.Types;
import io.spate.runtime.minicluster.ClusterJobClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The source on the embedded cluster: exactly the generator's events, and exactly once across a failure. */
class NexmarkSourceE2ETest {

  private static Map<Event, Integer> multiset(Iterable<Event> events) {
    Map<Event, Integer> counts = new HashMap<>();
    for (Event event : events) {
      counts.merge(event, 1, Integer::sum);
    }
    return counts;
  }

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2, 3})
  void aBoundedSourceEmitsExactlyTheGeneratedEvents(int parallelism) throws Exception {
    NexmarkSource source = NexmarkSource.builder().events(30_001).seed(parallelism).build();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(parallelism);
    List<Event> emitted = new java.util.ArrayList<>();
    try (CloseableIterator<Event> it =
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "nexmark").executeAndCollect()) {
      it.forEachRemaining(emitted::add);
    }
    NexmarkGenerator generator = new NexmarkGenerator(source.configuration());
    List<Event> expected = new java.util.ArrayList<>();
    generator.iterator(0, 30_001).forEachRemaining(expected::add);
    assertThat(emitted).hasSize(30_001);
    assertThat(multiset(emitted)).isEqualTo(multiset(expected));
  }

  /**
   * Each of the two readers emits a prefix of its share (every second event number), so the first
   * 5000 events delivered lie among the first 10,002 of the stream. Equal events can occur (the same
   * hot bidder bidding the same low price on the same hot auction in the same millisecond), hence multisets.
   */
  @Test
  void anUnboundedSourceEmitsPrefixesOfItsSharesUntilCancelled() throws Exception {
    NexmarkSource source = NexmarkSource.builder().unbounded().seed(4).build();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    List<Event> emitted = env.fromSource(source, WatermarkStrategy.noWatermarks(), "nexmark").executeAndCollect(5_000);
    assertThat(emitted).hasSize(5_000);
    List<Event> firstEvents = new java.util.ArrayList<>();
    new NexmarkGenerator(source.configuration()).iterator(0, 10_002).forEachRemaining(firstEvents::add);
    Map<Event, Integer> generated = multiset(firstEvents);
    multiset(emitted).forEach((event, count) ->
        assertThat(count).as("times %s was emitted", event).isLessThanOrEqualTo(generated.getOrDefault(event, 0)));
  }

  /** The example of docs/datastream-api.md, word for word (DocsSnippetsTest checks it): the source has the settings it names. */
  @Test
  void theDocumentedExampleBuildsTheSourceItDescribes() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    NexmarkSource source = NexmarkSource.builder()
        .events(10_000_000)                        // or .unbounded()
        .eventsPerSecond(1_000_000)                // event time advances 1 µs per event
        .rateLimited(true)                         // and the source emits at that rate (default: as fast as it can)
        .outOfOrderness(Duration.ofMillis(100))
        .seed(42)
        .build();
    DataStream<Event> events = env.fromSource(
        source, WatermarkStrategy.forBoundedOutOfOrderness(Duration.ofMillis(100)), "nexmark");
    DataStream<Bid> bids = events.filter(e -> e.bid() != null).map(Event::bid);

    assertThat(source.configuration().numEvents()).isEqualTo(10_000_000);
    assertThat(source.configuration().eventsPerSecond()).isEqualTo(1_000_000);
    assertThat(source.configuration().rateLimited()).isTrue();
    assertThat(source.configuration().outOfOrdernessMillis()).isEqualTo(100);
    assertThat(source.configuration().seed()).isEqualTo(42);
  }

  /** The documented example, smaller so that it runs in a test: rate-limited, out of order, bids only. */
  @Test
  void theDocumentedExampleRunsWhenSmaller() throws Exception {
    NexmarkSource source = NexmarkSource.builder()
        .events(5_000)
        .eventsPerSecond(50_000)
        .rateLimited(true)
        .outOfOrderness(Duration.ofMillis(100))
        .seed(42)
        .build();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    DataStream<Event> events = env.fromSource(
        source, WatermarkStrategy.forBoundedOutOfOrderness(Duration.ofMillis(100)), "nexmark");
    DataStream<Bid> bids = events.filter(e -> e.bid() != null).map(Event::bid);
    List<Bid> emitted = new java.util.ArrayList<>();
    try (CloseableIterator<Bid> it = bids.executeAndCollect()) {
      it.forEachRemaining(emitted::add);
    }
    assertThat(emitted).hasSize(5_000 / 50 * 46);
  }

  // ---- exactly once across a failure ----

  private static final long EVENTS = 40_000;
  private static final Map<String, List<String>> RESULTS = new ConcurrentHashMap<>();
  // The checkpoint that the failing subtask had heard completed when it failed, by run.
  private static final Map<String, Long> FAILED = new ConcurrentHashMap<>();

  /** Throws once, at the first event after this subtask heard of a completed checkpoint past the first. */
  static final class FailAfterCheckpoint extends RichMapFunction<Event, Event> implements CheckpointListener {
    private static final long serialVersionUID = 1L;
    private final String runId;
    private final boolean fail;
    private transient volatile long checkpointed;

    FailAfterCheckpoint(String runId, boolean fail) {
      this.runId = runId;
      this.fail = fail;
    }

    @Override
    public Event map(Event event) {
      if (fail && checkpointed >= 2 && FAILED.putIfAbsent(runId, checkpointed) == null) {
        throw new IllegalStateException("injected failure at event " + event);
      }
      return event;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      checkpointed = Math.max(checkpointed, checkpointId);
    }
  }

  /** Counts events and sums their hashes per kind in keyed state; emits both when the input ends. */
  static final class CountAndChecksum extends KeyedProcessFunction<String, Event, String> {
    private static final long serialVersionUID = 1L;
    private transient ValueState<Long> count;
    private transient ValueState<Long> checksum;

    @Override
    public void open(OpenContext context) {
      count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
      checksum = getRuntimeContext().getState(new ValueStateDescriptor<>("checksum", Types.LONG));
    }

    @Override
    public void processElement(Event event, Context ctx, Collector<String> out) throws Exception {
      count.update((count.value() == null ? 0 : count.value()) + 1);
      checksum.update((checksum.value() == null ? 0 : checksum.value()) + fingerprint(event));
      ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE - 1);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
      out.collect(ctx.getCurrentKey() + "=" + count.value() + "," + checksum.value());
    }
  }

  private static long fingerprint(Event event) {
    long h = event.hashCode() * 0x9E3779B97F4A7C15L + event.dateTime();
    return h ^ (h >>> 29);
  }

  /** Keeps every record of its run, in the order it was given them. */
  static final class ResultSink implements Sink<String> {
    private static final long serialVersionUID = 1L;
    private final String runId;

    ResultSink(String runId) {
      this.runId = runId;
    }

    @Override
    public SinkWriter<String> createWriter(WriterInitContext context) {
      return new SinkWriter<>() {
        @Override
        public void write(String element, Context ctx) {
          RESULTS.computeIfAbsent(runId, k -> Collections.synchronizedList(new ArrayList<>())).add(element);
        }

        @Override
        public void flush(boolean endOfInput) {}
      };
    }
  }

  /** Runs the counting job to its end; its client, to ask about the ended job. */
  private static ClusterJobClient runCounting(String runId, boolean fail) throws Exception {
    Configuration conf = new Configuration();
    conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(30));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(2);
    env.setRestartStrategy(RestartStrategies.fixedDelayRestart(5, Duration.ofMillis(20)));
    // Paced to about a second, so that checkpoints complete while it runs.
    NexmarkSource source = NexmarkSource.builder().events(EVENTS).seed(99).eventsPerSecond(40_000).rateLimited(true)
        .outOfOrderness(Duration.ofMillis(20)).build();
    env.fromSource(source, WatermarkStrategy.<Event>forBoundedOutOfOrderness(Duration.ofMillis(20)), "nexmark")
        .uid("nexmark")
        .map(new FailAfterCheckpoint(runId, fail)).uid("fail")
        .keyBy(event -> event.type().name())
        .process(new CountAndChecksum()).uid("counts")
        .sinkTo(new ResultSink(runId)).uid("results");
    JobClient client = env.executeAsync(runId);
    client.getJobExecutionResult().get(60, TimeUnit.SECONDS);
    return (ClusterJobClient) client;
  }

  /** Every record of run {@code runId}, sorted: a record emitted twice is there twice. */
  private static List<String> results(String runId) {
    List<String> kept = RESULTS.getOrDefault(runId, List.of());
    List<String> records;
    synchronized (kept) {
      records = new ArrayList<>(kept);
    }
    records.sort(null);
    return records;
  }

  @Test
  void aFailureAfterACheckpointLeavesEveryEventCountedExactlyOnce() throws Exception {
    runCounting("clean", false);
    ClusterJobClient faulty = runCounting("faulty", true);
    // The restart restored a checkpoint at least as new as the one completed before the failure.
    long restarts = faulty.getJobExecutionResult().get().counters().get("restarts");
    RestoredCheckpoint restored = faulty.getLatestRestore().get(10, TimeUnit.SECONDS);
    assertThat(restarts).as("restarts").isPositive();
    assertThat(restored).as("restored checkpoint (none: the restart began from scratch)").isNotNull();
    assertThat(restored.checkpointId()).isGreaterThanOrEqualTo(FAILED.get("faulty")).isGreaterThanOrEqualTo(2);
    assertThat(restored.restoreCount()).as("restores, one per restart").isEqualTo(restarts);

    NexmarkGenerator generator = new NexmarkGenerator(NexmarkConfiguration.builder().events(EVENTS).seed(99)
        .eventsPerSecond(40_000).outOfOrderness(Duration.ofMillis(20)).build());
    Map<String, long[]> sums = new TreeMap<>();
    for (long n = 0; n < EVENTS; n++) {
      Event event = generator.eventAt(n);
      long[] sum = sums.computeIfAbsent(event.type().name(), k -> new long[2]);
      sum[0]++;
      sum[1] += fingerprint(event);
    }
    List<String> expected = new ArrayList<>();
    sums.forEach((kind, sum) -> expected.add(kind + "=" + sum[0] + "," + sum[1]));
    expected.sort(null);

    // Every record emitted, counted with its repeats.
    assertThat(results("clean")).isEqualTo(expected);
    assertThat(results("faulty")).isEqualTo(results("clean"));
  }
}
