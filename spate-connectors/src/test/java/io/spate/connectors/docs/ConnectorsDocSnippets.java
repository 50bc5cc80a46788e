package io.spate.connectors.docs;

import io.spate.api.connector.source.SourceReaderContext;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.typeinfo.Types;
import io.spate.api.connector.source.SourceSplit;
import io.spate.connectors.base.AsyncSinkWriterOptions;
import io.spate.connectors.base.BlockingSinkWriterBase;
import io.spate.connectors.base.RecordsBySplits;
import io.spate.connectors.base.SourceReaderBase;
import io.spate.connectors.base.SourceReaderOptions;
import io.spate.connectors.base.SplitReader;
import io.spate.connectors.datagen.DataGeneratorSource;
import io.spate.connectors.datagen.RateLimiterStrategy;
import io.spate.connectors.file.FileSink;
import io.spate.connectors.file.FileSource;
import io.spate.connectors.file.RowEncoder;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The code of docs/connectors.md, compiled here; {@link ConnectorsDocTest} checks that the page
 * shows it verbatim. The client interfaces stand in for a real blocking library.
 */
final class ConnectorsDocSnippets {

  private ConnectorsDocSnippets() {}

  // --- snippet: built-ins
  static void builtIns(StreamExecutionEnvironment env, String dir) {
    DataStream<String> lines =
        env.fromSource(FileSource.forTextLines(dir).build(), WatermarkStrategy.noWatermarks(), "files");
    DataStream<Long> generated = env.fromSource(
        new DataGeneratorSource<>(i -> i * 2, 1_000, RateLimiterStrategy.perSecond(100), Types.LONG),
        WatermarkStrategy.noWatermarks(), "generated");
    lines.union(generated.map(String::valueOf).returns(Types.STRING))
        .sinkTo(FileSink.forRows(dir + "/out", RowEncoder.<String>toStringEncoder()).build());
  }
  // --- end

  // --- snippet: client
  /** A blocking client, as a Kafka consumer is one: poll waits for messages, wakeup ends a poll early. */
  interface MessageClient extends AutoCloseable {
    void assign(String partition, long offset);

    List<Message> poll(Duration timeout) throws IOException;

    void wakeup();
  }

  record Message(String partition, long offset, String text) {}

  record PartitionSplit(String partition, long offset) implements SourceSplit {
    @Override
    public String splitId() {
      return partition;
    }
  }
  // --- end

  // --- snippet: split reader
  static final class MessageSplitReader implements SplitReader<Message, PartitionSplit> {
    private final MessageClient client;

    MessageSplitReader(MessageClient client) {
      this.client = client;
    }

    @Override
    public void addSplits(List<PartitionSplit> splits) {
      for (PartitionSplit split : splits) {
        client.assign(split.partition(), split.offset());
      }
    }

    @Override
    public RecordsBySplits<Message> fetch() throws IOException {
      RecordsBySplits.Builder<Message> batch = RecordsBySplits.builder();
      for (Message message : client.poll(Duration.ofSeconds(1))) { // blocks: we are on a fetcher thread
        batch.add(message.partition(), message);
      }
      return batch.build();
    }

    @Override
    public void wakeUp() {
      client.wakeup(); // ends a blocked poll when splits arrive or the reader closes
    }

    @Override
    public void close() throws Exception {
      client.close();
    }
  }
  // --- end

  // --- snippet: reader
  /** The mutable position of a partition while it is read. */
  static final class Offset {
    long next;
  }

  static final class MessageReader extends SourceReaderBase<Message, String, PartitionSplit, Offset> {
    MessageReader(SourceReaderContext context) {
      super("messages",
          () -> new MessageSplitReader(connectToBroker()), // on the fetcher thread
          (message, output, offset) -> {      // on the task thread
            output.collect(message.text());
            offset.next = message.offset() + 1; // a checkpoint now covers this message
          },
          SourceReaderOptions.DEFAULTS,         // one fetcher thread, two batches queued
          context);
    }

    @Override
    public void start() {
      startFetcherAhead(); // connects while the enumerator looks for splits
      context.sendSplitRequest();
    }

    @Override
    protected Offset initializedState(PartitionSplit split) {
      Offset offset = new Offset();
      offset.next = split.offset();
      return offset;
    }

    @Override
    protected PartitionSplit toSplitType(String partition, Offset offset) {
      return new PartitionSplit(partition, offset.next);
    }
  }
  // --- end

  // --- snippet: sink writer
  /** A blocking client with one call per batch, as a JDBC batch insert is. */
  interface RowStore {
    void insertAll(List<String> rows) throws IOException;
  }

  static final class RowStoreWriter extends BlockingSinkWriterBase<String> {
    private final RowStore store;

    RowStoreWriter(RowStore store, int subtask) {
      super("row-store", subtask, AsyncSinkWriterOptions.DEFAULTS
          .withMaxBatchSize(500)              // rows per insertAll
          .withMaxInFlightRequests(2)         // insertAll calls at once, each on the writer's own thread
          .withMaxBufferedElements(5_000)     // then the task pauses this input, without blocking
          .withRetries(3, Duration.ofMillis(200)));
      this.store = store;
    }

    @Override
    protected void writeBatch(List<String> rows) throws IOException {
      store.insertAll(rows); // a failure retries the whole batch, then fails the job
    }
  }
  // --- end

  /** Stands in for the library's connect call. */
  static MessageClient connectToBroker() {
    Map<String, Long> assigned = new HashMap<>();
    return new MessageClient() {
      @Override
      public void assign(String partition, long offset) {
        assigned.put(partition, offset);
      }

      @Override
      public List<Message> poll(Duration timeout) {
        return List.of();
      }

      @Override
      public void wakeup() {}

      @Override
      public void close() {}
    };
  }
}
