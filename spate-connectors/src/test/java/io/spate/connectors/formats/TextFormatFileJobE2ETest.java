package io.spate.connectors.formats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.spate.api.configuration.CheckpointingOptions;
import io.spate.api.configuration.Configuration;
import io.spate.api.datastream.CloseableIterator;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.fs.Path;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.typeinfo.Types;
import io.spate.connectors.datagen.DataGeneratorSource;
import io.spate.connectors.datagen.RateLimiterStrategy;
import io.spate.connectors.file.CsvReaderFormat;
import io.spate.connectors.file.FieldBucketAssigner;
import io.spate.connectors.file.FileSink;
import io.spate.connectors.file.FileSource;
import io.spate.connectors.file.StreamFormat;
import io.spate.connectors.formats.csv.CsvBulkWriters;
import io.spate.connectors.formats.json.JsonLinesEncoder;
import io.spate.connectors.formats.json.JsonLinesInputFormat;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpointed jobs on the embedded cluster write records as JSON lines (row format) and CSV (bulk
 * format, bucketed by a field) with FileSink, and FileSource jobs read back exactly those records.
 */
class TextFormatFileJobE2ETest {

  private static final long RECORDS = 2_000;

  /** An order: a record with a java.time field, columns in the given order. */
  @JsonPropertyOrder({"id", "region", "amount", "placed"})
  public record Order(long id, String region, double amount, Instant placed) {}

  static Order order(long i) {
    return new Order(i, new String[] {"eu", "us", "apac"}[(int) (i % 3)], i * 1.5 - 7,
        Instant.ofEpochSecond(1_700_000_000L + i, i % 1000));
  }

  @TempDir java.nio.file.Path dir;

  private static DataStream<Order> orders(StreamExecutionEnvironment env) {
    return env.fromSource(new DataGeneratorSource<>(i -> i, RECORDS, RateLimiterStrategy.perSecond(5_000), Types.LONG),
            WatermarkStrategy.noWatermarks(), "numbers")
        .map(TextFormatFileJobE2ETest::order).returns(TypeInformation.of(Order.class));
  }

  private static StreamExecutionEnvironment checkpointed() {
    Configuration conf = new Configuration();
    conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(100));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(2);
    return env;
  }

  private static List<Order> read(StreamFormat<Order> format, java.nio.file.Path in) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    List<Order> read = new ArrayList<>();
    try (CloseableIterator<Order> records = env.fromSource(
        FileSource.forRecordStreamFormat(format, new Path(in.toString())).build(),
        WatermarkStrategy.noWatermarks(), "orders").executeAndCollect("read orders")) {
      records.forEachRemaining(read::add);
    }
    read.sort(Comparator.comparingLong(Order::id));
    return read;
  }

  private static List<Order> expected() {
    return LongStream.range(0, RECORDS).mapToObj(TextFormatFileJobE2ETest::order).toList();
  }

  @Test
  void jsonLinesAndCsvFilesWrittenByACheckpointedJobReadBackExactly() throws Exception {
    java.nio.file.Path json = dir.resolve("json");
    java.nio.file.Path csv = dir.resolve("csv");
    StreamExecutionEnvironment env = checkpointed();
    DataStream<Order> orders = orders(env);
    orders.sinkTo(FileSink.forRowFormat(new Path(json.toString()), new JsonLinesEncoder<Order>()).build());
    orders.sinkTo(FileSink.forBulkFormat(new Path(csv.toString()), CsvBulkWriters.forPojo(Order.class))
        .withBucketAssigner(FieldBucketAssigner.hiveStyle("region", Order::region))
        .build());
    env.executeAsync("write orders").getJobExecutionResult().get(120, TimeUnit.SECONDS);

    try (Stream<java.nio.file.Path> buckets = Files.list(csv)) {
      assertThat(buckets.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("region=eu", "region=us", "region=apac");
    }
    assertThat(read(new JsonLinesInputFormat<>(Order.class), json)).isEqualTo(expected());
    assertThat(read(CsvReaderFormat.forPojo(Order.class), csv)).isEqualTo(expected());
  }
}
