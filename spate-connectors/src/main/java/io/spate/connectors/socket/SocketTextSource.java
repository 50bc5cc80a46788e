package io.spate.connectors.socket;

import io.spate.api.connector.source.Boundedness;
import io.spate.api.connector.source.SimpleVersionedSerializer;
import io.spate.api.connector.source.Source;
import io.spate.api.connector.source.SourceReader;
import io.spate.api.connector.source.SourceReaderContext;
import io.spate.api.connector.source.SourceSplit;
import io.spate.api.connector.source.SplitEnumerator;
import io.spate.api.connector.source.SplitEnumeratorContext;
import io.spate.api.connector.source.VersionedSerializer;
import io.spate.api.serialization.DataInputDeserializer;
import io.spate.api.serialization.DataOutputSerializer;
import io.spate.api.typeinfo.ResultTypeQueryable;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.typeinfo.Types;
import io.spate.connectors.base.SourceReaderBase;
import io.spate.connectors.base.SourceReaderOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * An unbounded, non-parallel source of the delimiter-separated strings that a TCP server sends,
 * decoded as UTF-8; it ends when the server closes the connection. Only the reader of subtask 0
 * connects. A socket cannot be rewound, so a restored job reads on from a new connection.
 */
public final class SocketTextSource
    implements Source<String, SocketTextSource.SocketSplit, Void>, ResultTypeQueryable<String> {

  private static final long serialVersionUID = 1L;

  /** How long a reader waits for the connection unless told otherwise. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /**
   * Records buffered between the socket thread and the reader at most (in batches of {@link
   * SocketSplitReader#MAX_RECORDS_PER_BATCH}): a full queue stops the socket thread reading.
   */
  static final int QUEUE_CAPACITY = 1024;

  private static final int MAX_RECORDS_PER_POLL = 256;

  private final String host;
  private final int port;
  private final String delimiter;
  private final long connectTimeoutMillis;
  private final long maxRetry;

  /** A source of the strings separated by {@code delimiter} that {@code host:port} sends. */
  public SocketTextSource(String host, int port, String delimiter) {
    this(host, port, delimiter, DEFAULT_CONNECT_TIMEOUT);
  }

  /**
   * Like {@link #SocketTextSource(String, int, String)}, giving up connecting after {@code
   * connectTimeout} (zero waits as long as the operating system does).
   */
  public SocketTextSource(String host, int port, String delimiter, Duration connectTimeout) {
    this(host, port, delimiter, connectTimeout, 0);
  }

  /**
   * Like {@link #SocketTextSource(String, int, String, Duration)}, connecting again {@link
   * SocketSplitReader#RETRY_DELAY_MILLIS} ms after the server closed the connection, up to {@code
   * maxRetry} times (-1: for ever); a record cut by the end of a connection goes on in the next.
   */
  public SocketTextSource(String host, int port, String delimiter, Duration connectTimeout, long maxRetry) {
    if (maxRetry < -1) {
      throw new IllegalArgumentException("Socket source: maxRetry must be at least 0, or -1 to reconnect for ever;"
          + " got " + maxRetry);
    }
    this.maxRetry = maxRetry;
    this.host = Objects.requireNonNull(host, "host");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("Socket source: port " + port + " is not between 0 and 65535");
    }
    this.port = port;
    this.delimiter = Objects.requireNonNull(delimiter, "delimiter");
    if (delimiter.isEmpty()) {
      throw new IllegalArgumentException("Socket source: the delimiter must not be empty");
    }
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    if (connectTimeout.isNegative() || connectTimeout.toMillis() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("Socket source: invalid connect timeout " + connectTimeout);
    }
    this.connectTimeoutMillis = connectTimeout.toMillis();
  }

  @Override
  public Boundedness getBoundedness() {
    return Boundedness.CONTINUOUS_UNBOUNDED;
  }

  @Override
  public TypeInformation<String> getProducedType() {
    return Types.STRING;
  }

  @Override
  public SourceReader<String, SocketSplit> createReader(SourceReaderContext readerContext) {
    return new SocketReader(host, port, delimiter, (int) connectTimeoutMillis, maxRetry, readerContext);
  }

  @Override
  public SplitEnumerator<SocketSplit, Void> createEnumerator(SplitEnumeratorContext<SocketSplit> enumContext) {
    return new NoSplitsEnumerator(enumContext);
  }

  @Override
  public SplitEnumerator<SocketSplit, Void> restoreEnumerator(
      SplitEnumeratorContext<SocketSplit> enumContext, Void checkpoint) {
    return new NoSplitsEnumerator(enumContext);
  }

  @Override
  public SimpleVersionedSerializer<SocketSplit> getSplitSerializer() {
    return SPLIT_SERIALIZER;
  }

  @Override
  public SimpleVersionedSerializer<Void> getEnumeratorCheckpointSerializer() {
    return EMPTY_CHECKPOINT_SERIALIZER;
  }

  @Override
  public String toString() {
    return "SocketTextSource(" + host + ":" + port + ")";
  }

  /**
   * The connection of a {@link SocketTextSource}. The reader of subtask 0 owns it from the start
   * and it has no position, so the enumerator never assigns it and readers never checkpoint it.
   *
   * @param host the server's host
   * @param port the server's port
   */
  public record SocketSplit(String host, int port) implements SourceSplit {

    /** Checks the host. */
    public SocketSplit {
      Objects.requireNonNull(host, "host");
    }

    @Override
    public String splitId() {
      return host + ":" + port;
    }
  }

  private static final SimpleVersionedSerializer<SocketSplit> SPLIT_SERIALIZER =
      new VersionedSerializer<>("socket split", 1) {
        @Override
        protected void write(SocketSplit split, DataOutputSerializer out) throws IOException {
          out.writeUTF(split.host());
          out.writeInt(split.port());
        }

        @Override
        protected SocketSplit read(DataInputDeserializer in) throws IOException {
          return new SocketSplit(in.readUTF(), in.readInt());
        }
      };

  /** The enumerator has no state: its checkpoint is null and takes no bytes. */
  private static final SimpleVersionedSerializer<Void> EMPTY_CHECKPOINT_SERIALIZER =
      new VersionedSerializer<>("socket source checkpoint", 1) {
        @Override
        protected void write(Void checkpoint, DataOutputSerializer out) {}

        @Override
        protected Void read(DataInputDeserializer in) throws IOException {
          if (in.available() != 0) {
            throw new IOException(
                "Corrupt socket source checkpoint: expected no bytes, got " + in.available());
          }
          return null;
        }
      };

  /** Tells any reader that asks that it gets no splits: the socket is not a split to hand out. */
  private static final class NoSplitsEnumerator implements SplitEnumerator<SocketSplit, Void> {

    private final SplitEnumeratorContext<SocketSplit> context;

    NoSplitsEnumerator(SplitEnumeratorContext<SocketSplit> context) {
      this.context = context;
    }

    @Override
    public void start() {}

    @Override
    public void handleSplitRequest(int subtaskId) {
      context.signalNoMoreSplits(subtaskId);
    }

    @Override
    public void addSplitsBack(List<SocketSplit> splits, int subtaskId) {}

    @Override
    public void addReader(int subtaskId) {}

    @Override
    public Void snapshotState(long checkpointId) {
      return null;
    }
  }

  /**
   * The reader of a {@link SocketTextSource}: the reader of subtask 0 owns the connection, read by
   * a {@link SocketSplitReader} on a fetcher thread; the others end at once.
   */
  static final class SocketReader extends SourceReaderBase<String, String, SocketSplit, SocketSplit> {

    private static final SourceReaderOptions OPTIONS = SourceReaderOptions.DEFAULTS
        .withHandoverQueueCapacity(QUEUE_CAPACITY / SocketSplitReader.MAX_RECORDS_PER_BATCH)
        .withMaxRecordsPerPoll(MAX_RECORDS_PER_POLL);

    private final SocketSplit split;
    private final boolean ownsConnection;

    SocketReader(String host, int port, String delimiter, int connectTimeoutMillis, long maxRetry,
        SourceReaderContext context) {
      super("socket-source-" + host + ":" + port,
          () -> new SocketSplitReader(delimiter, connectTimeoutMillis, maxRetry),
          (record, output, split) -> output.collect(record),
          OPTIONS, context);
      this.split = new SocketSplit(host, port);
      this.ownsConnection = context.getIndexOfSubtask() == 0;
    }

    @Override
    public void start() {
      if (ownsConnection) {
        addSplits(List.of(split));
      }
      notifyNoMoreSplits();
    }

    @Override
    protected SocketSplit initializedState(SocketSplit split) {
      return split;
    }

    @Override
    protected SocketSplit toSplitType(String splitId, SocketSplit state) {
      return state;
    }

    /** A socket cannot be rewound: a restored reader connects anew, so the split is never checkpointed. */
    @Override
    public List<SocketSplit> snapshotState(long checkpointId) {
      return List.of();
    }
  }
}
