package io.spate.runtime.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.JobClient;
import io.spate.api.common.JobExecutionResult;
import io.spate.api.common.OutputTag;
import io.spate.api.common.RuntimeExecutionMode;
import io.spate.connectors.file.DefaultRollingPolicy;
import io.spate.connectors.file.FileSink;
import io.spate.connectors.file.RowEncoder;
import io.spate.connectors.datagen.DataGeneratorSource;
import io.spate.api.datastream.AsyncDataStream;
import io.spate.api.datastream.DataStream;
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
import io.spate.api.typeinfo.Types;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The snippets of docs/datastream-api.md, compiled and run; DocsSnippetsTest checks that each snippet
 * still occurs here word for word, so edit both together.
 */
class DataStreamApiDocTest {

  record WordCount(String word, long count) {}

  record Bid(long auction, long bidder, long price) {}

  record Order(String id, long amount) {}

  // "Transformations": side outputs and connect.
  private static DataStream<String> sideOutputsAndConnect(DataStream<Bid> bids) {
    OutputTag<Bid> cheap = new OutputTag<Bid>("cheap") {};
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
      public String map1(Bid bid) { return "expensive " + bid.auction(); }
      public String map2(Bid bid) { return "cheap " + bid.auction(); }
    });
    return merged;
  }

  // "Transformations": a keyed process function with a timer (docs/testing.md tests it with a harness).
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

  private static DataStream<String> firstBidAlerts(DataStream<Bid> bids) {
    DataStream<String> alerts = bids.keyBy(Bid::auction).process(new FirstBidAlert());
    return alerts;
  }

  @Test
  void sideOutputsConnectAndTimers() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    DataStream<Bid> bids = env.fromElements(new Bid(1, 7, 50), new Bid(2, 8, 500), new Bid(1, 9, 700))
        .assignTimestampsAndWatermarks(
            WatermarkStrategy.<Bid>forMonotonousTimestamps().withTimestampAssigner((bid, ts) -> bid.price()));

    List<String> out = sideOutputsAndConnect(bids).union(firstBidAlerts(bids)).executeAndCollect(100);
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

  // "Async I/O".
  private static DataStream<String> describe(DataStream<Bid> bids) {
    class DescribeBid extends RichAsyncFunction<Bid, String> {
      private transient ExecutorService client;          // stands in for an async database client

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

    DataStream<String> described = AsyncDataStream.orderedWait(
        bids, new DescribeBid(), Duration.ofSeconds(5), 100);    // timeout, capacity
    return described;
  }

  @Test
  void asyncIo() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    DataStream<Bid> bids = env.fromElements(new Bid(1, 7, 50), new Bid(2, 8, 70), new Bid(1, 9, 90));
    assertThat(E2eSupport.collect(describe(bids)))
        .containsExactly("auction 1 at 50", "auction 2 at 70", "auction 1 at 90");
  }

  // "Sinks": a file sink that rolls between checkpoints.
  private static FileSink<Order> rollingFileSink(Path dir) {
    return FileSink.forRows(dir, RowEncoder.<Order>toStringEncoder())
        .withRollingPolicy(DefaultRollingPolicy.builder()
            .withMaxPartSize(64 * 1024 * 1024)                // bytes; default 128 MiB
            .withRolloverInterval(Duration.ofMinutes(15))     // since the part opened; default 60 s
            .withInactivityInterval(Duration.ofMinutes(5))    // since its last record; default 60 s
            .build())
        .build();
  }

  @Test
  void aRollingFileSinkWritesEveryRecordOnceIntoFinishedParts(@TempDir Path dir) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    env.fromElements(new Order("o1", 10), new Order("o2", 20), new Order("o3", 30))
        .rebalance()
        .sinkTo(rollingFileSink(dir));
    env.execute("orders to files");

    List<String> lines = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path part : files.sorted().toList()) {
        assertThat(part.getFileName().toString()).as("only finished parts are visible").startsWith("part-");
        lines.addAll(Files.readAllLines(part));
      }
    }
    assertThat(lines).containsExactlyInAnyOrder(
        "Order[id=o1, amount=10]", "Order[id=o2, amount=20]", "Order[id=o3, amount=30]");
  }

  @Test
  void batchModeEmitsOneFinalValuePerKey() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setRuntimeMode(RuntimeExecutionMode.BATCH);   // or AUTOMATIC: BATCH when every source is bounded
    List<WordCount> out = env.fromElements("a", "b", "a")
        .map(w -> new WordCount(w, 1))
        .keyBy(WordCount::word)
        .reduce((x, y) -> new WordCount(x.word(), x.count() + y.count()))
        .executeAndCollect(100);
    assertThat(out).containsExactlyInAnyOrder(new WordCount("a", 2), new WordCount("b", 1));
  }
}
