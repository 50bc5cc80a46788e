package io.spate.runtime.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.JobClient;
import io.spate.api.common.JobExecutionResult;
import io.spate.api.common.OutputTag;
import io.spate.api.common.RuntimeExecutionMode;
import io.spate.api.datastream.AsyncDataStream;
import io.spate.api.datastream.CloseableIterator;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.KeyedStream;
import io.spate.api.datastream.SingleOutputStreamOperator;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.functions.CoMapFunction;
import io.spate.api.functions.Collector;
import io.spate.api.functions.KeyedProcessFunction;
import io.spate.api.functions.OpenContext;
import io.spate.api.functions.ProcessFunction;
import io.spate.api.functions.async.ResultFuture;
import io.spate.api.functions.async.RichAsyncFunction;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.api.typeinfo.Types;
import io.spate.api.windowing.assigners.TumblingEventTimeWindows;
import io.spate.connectors.datagen.DataGeneratorSource;
import io.spate.testing.TestHarnesses;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** The snippets of the README's API tour, compiled and run so that the README cannot rot. */
class ReadmeTourTest {

  // --- tour: records as types
  record WordCount(String word, long count) {}

  record Bid(long auction, long bidder, long price) {}

  // --- tour: a keyed process function with a timer
  static final class FirstBidAlert extends KeyedProcessFunction<Long, Bid, String> {
    @Override
    public void processElement(Bid bid, Context ctx, Collector<String> out) {
      out.collect("auction " + ctx.getCurrentKey() + " opened at " + bid.price());
      ctx.timerService().registerEventTimeTimer(ctx.timestamp() + 10_000);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
      out.collect("auction " + ctx.getCurrentKey() + " closes at " + timestamp);
    }
  }

  // --- tour: keyed state
  record Click(String user, String page) {}

  static final class CountPerUser extends KeyedProcessFunction<String, Click, String> {
    private transient ValueState<Long> count;

    @Override
    public void open(OpenContext ctx) {
      count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class, 0L));
    }

    @Override
    public void processElement(Click click, Context ctx, Collector<String> out) throws IOException {
      count.update(count.value() + 1);
      out.collect(click.user() + " has " + count.value() + " clicks");
    }
  }

  @Test
  void keyedStateCountsPerUser() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    List<String> out = env.fromElements(new Click("ann", "a"), new Click("bob", "b"), new Click("ann", "c"))
        .setParallelism(1)
        .keyBy(Click::user)
        .process(new CountPerUser())
        .executeAndCollect(100);
    assertThat(out).containsExactlyInAnyOrder("ann has 1 clicks", "bob has 1 clicks", "ann has 2 clicks");
  }

  @Test
  void wordCount() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);

    DataStream<String> lines = env.fromElements("to be or not to be", "that is the question");
    DataStream<WordCount> counts = lines
        .flatMap((String line, Collector<WordCount> out) -> {
          for (String word : line.split(" ")) {
            out.collect(new WordCount(word, 1));
          }
        })
        .returns(WordCount.class)           // lambdas erase the Collector's type
        .keyBy(WordCount::word)
        .sum("count");

    Map<String, Long> last = new TreeMap<>();
    try (CloseableIterator<WordCount> it = counts.executeAndCollect()) {
      it.forEachRemaining(wc -> last.put(wc.word(), wc.count()));
    }
    assertThat(last).containsEntry("to", 2L).containsEntry("be", 2L).containsEntry("question", 1L).hasSize(8);
  }

  @Test
  void batchModeEmitsOneFinalValuePerKey() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setRuntimeMode(RuntimeExecutionMode.BATCH);
    List<WordCount> out = env.fromElements("a", "b", "a")
        .map(w -> new WordCount(w, 1))
        .keyBy(WordCount::word)
        .reduce((x, y) -> new WordCount(x.word(), x.count() + y.count()))
        .executeAndCollect(100);
    assertThat(out).containsExactlyInAnyOrder(new WordCount("a", 2), new WordCount("b", 1));
  }

  @Test
  void windows() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    // timestamps in minutes: bids of auction 1 in minutes 0 and 1, auction 2 in minute 0
    DataStream<Bid> bids = env.fromElements(new Bid(1, 7, 50), new Bid(2, 8, 500), new Bid(1, 9, 700),
            new Bid(1, 3, 60))
        .assignTimestampsAndWatermarks(WatermarkStrategy.<Bid>forMonotonousTimestamps()
            .withTimestampAssigner((bid, ts) -> bid.bidder() == 3 ? 60_000 : 1_000));

    OutputTag<Bid> tooLate = new OutputTag<Bid>("too late") {};
    SingleOutputStreamOperator<Bid> topBidPerMinute = bids
        .keyBy(Bid::auction)
        .window(TumblingEventTimeWindows.of(Duration.ofMinutes(1)))
        .allowedLateness(Duration.ofSeconds(10))
        .sideOutputLateData(tooLate)
        .maxBy("price");
    DataStream<Bid> lateBids = topBidPerMinute.getSideOutput(tooLate);

    E2eSupport.RecordingSink<Bid> late = new E2eSupport.RecordingSink<>();
    lateBids.sinkTo(late); // runs in the same job as the collect below
    assertThat(E2eSupport.collect(topBidPerMinute))
        .containsExactlyInAnyOrder(new Bid(1, 9, 700), new Bid(2, 8, 500), new Bid(1, 3, 60));
    assertThat(late.values()).as("in-order bids are never late").isEmpty();
  }

  @Test
  void sideOutputsConnectAndTimers() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    OutputTag<Bid> cheap = new OutputTag<Bid>("cheap") {};

    DataStream<Bid> bids = env.fromElements(new Bid(1, 7, 50), new Bid(2, 8, 500), new Bid(1, 9, 700))
        .assignTimestampsAndWatermarks(
            WatermarkStrategy.<Bid>forMonotonousTimestamps().withTimestampAssigner((bid, ts) -> bid.price()));

    SingleOutputStreamOperator<Bid> expensive = bids.process(new ProcessFunction<Bid, Bid>() {
      @Override
      public void processElement(Bid bid, Context ctx, Collector<Bid> out) {
        if (bid.price() < 100) {
          ctx.output(cheap, bid);        // a side output
        } else {
          out.collect(bid);
        }
      }
    });
    DataStream<Bid> cheapBids = expensive.getSideOutput(cheap);

    DataStream<String> merged = expensive.connect(cheapBids).map(new CoMapFunction<Bid, Bid, String>() {
      @Override
      public String map1(Bid bid) {
        return "expensive " + bid.auction();
      }

      @Override
      public String map2(Bid bid) {
        return "cheap " + bid.auction();
      }
    });
    KeyedStream<Bid, Long> byAuction = bids.keyBy(Bid::auction);
    DataStream<String> alerts = byAuction.process(new FirstBidAlert());

    List<String> out = merged.union(alerts).executeAndCollect(100);
    assertThat(out).contains("expensive 2", "expensive 1", "cheap 1",
        "auction 1 opened at 50", "auction 1 opened at 700", "auction 1 closes at 10050",
        "auction 1 closes at 10700", "auction 2 closes at 10500");
  }

  @Test
  void generatorSourceAndJobClient() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    DataGeneratorSource<Bid> source = new DataGeneratorSource<>(
        i -> new Bid(i % 100, i % 7, i), 10_000, Types.of(Bid.class));
    env.fromSource(source, WatermarkStrategy.noWatermarks(), "bids")
        .filter(bid -> bid.price() % 2 == 0)
        .discard();
    JobClient client = env.executeAsync("generated bids");
    JobExecutionResult result = client.getJobExecutionResult().get();
    assertThat(result.getNetRuntime()).isGreaterThanOrEqualTo(0);
  }

  @Test
  void unitTestAFunctionWithTheHarness() throws Exception {
    var harness = TestHarnesses.forKeyedProcess(new FirstBidAlert(), Bid::auction);
    harness.processElement(new Bid(1, 7, 50), 1_000L);
    harness.processWatermark(11_000L);
    assertThat(harness.extractOutputValues())
        .containsExactly("auction 1 opened at 50", "auction 1 closes at 11000");
  }

  // --- tour: async I/O
  static final class DescribeBid extends RichAsyncFunction<Bid, String> {
    private transient ExecutorService client;

    @Override
    public void open(OpenContext openContext) {
      client = Executors.newFixedThreadPool(4);
    }

    @Override
    public void asyncInvoke(Bid bid, ResultFuture<String> result) {
      CompletableFuture.supplyAsync(() -> "auction " + bid.auction() + " at " + bid.price(), client)
          .whenComplete((answer, error) -> {
            if (error != null) {
              result.completeExceptionally(error);
            } else {
              result.complete(List.of(answer));
            }
          });
    }

    @Override
    public void close() {
      client.shutdownNow();
    }
  }

  @Test
  void asyncIo() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    DataStream<Bid> bids = env.fromElements(new Bid(1, 7, 50), new Bid(2, 8, 70), new Bid(1, 9, 90));
    DataStream<String> described = AsyncDataStream.orderedWait(
        bids, new DescribeBid(), Duration.ofSeconds(5), 100);
    assertThat(E2eSupport.collect(described))
        .containsExactly("auction 1 at 50", "auction 2 at 70", "auction 1 at 90");
  }
}
