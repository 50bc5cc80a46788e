package io.spate.connectors.docs;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.spate.api.configuration.MemorySize;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.fs.FSDataInputStream;
import io.spate.api.fs.FSDataOutputStream;
import io.spate.api.fs.FileStatus;
import io.spate.api.fs.FileSystem;
import io.spate.api.fs.Path;
import io.spate.api.serialization.BulkWriter;
import io.spate.api.serialization.SimpleStringEncoder;
import io.spate.api.typeinfo.Types;
import io.spate.connectors.file.CsvReaderFormat;
import io.spate.connectors.file.DateTimeBucketAssigner;
import io.spate.connectors.file.DefaultRollingPolicy;
import io.spate.connectors.file.FileSink;
import io.spate.connectors.file.FileSource;
import io.spate.connectors.file.OnCheckpointRollingPolicy;
import io.spate.connectors.file.OutputFileConfig;
import io.spate.connectors.file.TextLineInputFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.zip.GZIPOutputStream;

/**
 * The code of the file section of docs/connectors.md, compiled here; {@link ConnectorsDocTest}
 * checks that the page shows it verbatim.
 */
final class FileConnectorDocSnippets {

  private FileConnectorDocSnippets() {}

  // --- snippet: flink file api
  /** A CSV row: one column per field, in the order Jackson's annotation gives. */
  @JsonPropertyOrder({"symbol", "quantity", "price"})
  public static class Trade {
    public String symbol;
    public int quantity;
    public double price;
  }

  static void files(StreamExecutionEnvironment env, String in, String out) {
    FileSource<String> lines = FileSource.forRecordStreamFormat(new TextLineInputFormat(), new Path(in, "logs"))
        .monitorContinuously(Duration.ofSeconds(10)) // or processStaticFileSet(), the default: bounded
        .build();
    FileSource<Trade> trades =
        FileSource.forRecordStreamFormat(CsvReaderFormat.forPojo(Trade.class), new Path(in, "trades")).build();

    FileSink<String> sink = FileSink.forRowFormat(new Path(out), new SimpleStringEncoder<String>("UTF-8"))
        .withRollingPolicy(DefaultRollingPolicy.builder()
            .withRolloverInterval(Duration.ofMinutes(15))
            .withInactivityInterval(Duration.ofMinutes(5))
            .withMaxPartSize(MemorySize.ofMebiBytes(128))
            .build())
        .withOutputFileConfig(OutputFileConfig.builder().withPartPrefix("events").withPartSuffix(".txt").build())
        .build();

    DataStream<String> logLines = env.fromSource(lines, WatermarkStrategy.noWatermarks(), "logs");
    DataStream<Trade> tradeRows = env.fromSource(trades, WatermarkStrategy.noWatermarks(), "trades");
    logLines.union(tradeRows.map(t -> t.symbol + " x" + t.quantity).returns(Types.STRING)).sinkTo(sink);
  }
  // --- end

  // --- snippet: buckets and bulk formats
  /** Gzips the lines of each part file; the sink closes the stream after finish(). */
  static final class GzipLines implements BulkWriter.Factory<String> {
    @Override
    public BulkWriter<String> create(FSDataOutputStream out) throws IOException {
      GZIPOutputStream gzip = new GZIPOutputStream(out, true);
      return new BulkWriter<>() {
        @Override
        public void addElement(String line) throws IOException {
          gzip.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void flush() throws IOException {
          gzip.flush();
        }

        @Override
        public void finish() throws IOException {
          gzip.finish(); // the gzip trailer, without closing the stream
        }
      };
    }
  }

  static void bucketsAndBulk(DataStream<String> events, String out) {
    FileSink<String> hourly = FileSink.forRowFormat(new Path(out, "hourly"), new SimpleStringEncoder<String>())
        .withBucketAssigner(new DateTimeBucketAssigner<>("yyyy-MM-dd--HH", ZoneOffset.UTC)) // a directory per hour
        .withRollingPolicy(OnCheckpointRollingPolicy.build()) // one part per bucket and checkpoint
        .withBucketCheckInterval(1_000)
        .build();
    FileSink<String> compressed = FileSink.forBulkFormat(new Path(out, "gz"), new GzipLines())
        .withOutputFileConfig(OutputFileConfig.builder().withPartSuffix(".gz").build())
        .build();
    events.sinkTo(hourly);
    events.sinkTo(compressed);
  }
  // --- end

  // --- snippet: file system
  /** The bytes of the second half of every file in {@code dir}. */
  static long secondHalves(String dir) throws IOException {
    Path root = new Path(dir);
    FileSystem fs = root.getFileSystem(); // the local file system: plain paths and file: URIs
    long bytes = 0;
    for (FileStatus status : fs.listStatus(root)) {
      if (!status.isDir()) {
        try (FSDataInputStream in = fs.open(status.getPath())) {
          in.seek(status.getLen() / 2);
          bytes += in.readAllBytes().length;
        }
      }
    }
    return bytes;
  }
  // --- end
}
