package io.spate.api.connector.source.lib;

import io.spate.api.connector.source.Boundedness;
import io.spate.api.connector.source.InputStatus;
import io.spate.api.connector.source.ReaderOutput;
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
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;

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

  /** Records buffered between the socket thread and the reader: a full queue stops the socket thread. */
  static final int QUEUE_CAPACITY = 1024;

  private static final int MAX_RECORDS_PER_POLL = 256;

  private final String host;
  private final int port;
  private final String delimiter;
  private final long connectTimeoutMillis;

  /** A source of the strings separated by {@code delimiter} that {@code host:port} sends. */
  public SocketTextSource(String host, int port, String delimiter) {
    this(host, port, delimiter, DEFAULT_CONNECT_TIMEOUT);
  }

  /**
   * Like {@link #SocketTextSource(String, int, String)}, giving up connecting after {@code
   * connectTimeout} (zero waits as long as the operating system does).
   */
  public SocketTextSource(String host, int port, String delimiter, Duration connectTimeout) {
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
    return new SocketReader(host, port, delimiter, (int) connectTimeoutMillis, readerContext.getIndexOfSubtask() == 0);
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
   * Reads the socket on a thread of its own into a bounded queue, which {@link #pollNext} drains.
   * The thread blocks while the queue is full, which stops reading from the socket and so
   * backpressures the server through TCP.
   */
  static final class SocketReader implements SourceReader<String, SocketSplit> {

    private final String host;
    private final int port;
    private final String delimiter;
    private final int connectTimeoutMillis;
    private final boolean ownsConnection;
    private final BlockingQueue<String> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private volatile CompletableFuture<Void> available = CompletableFuture.completedFuture(null);
    /** Set by the socket thread after its last record is queued. */
    private volatile boolean socketDone;
    /** Set by the socket thread before {@link #socketDone} if reading failed. */
    private volatile IOException failure;
    private volatile boolean closed;
    private volatile Socket socket;
    private Thread thread;

    SocketReader(String host, int port, String delimiter, int connectTimeoutMillis, boolean ownsConnection) {
      this.host = host;
      this.port = port;
      this.delimiter = delimiter;
      this.connectTimeoutMillis = connectTimeoutMillis;
      this.ownsConnection = ownsConnection;
    }

    private String address() {
      return host + ":" + port;
    }

    @Override
    public void start() {
      if (!ownsConnection) {
        return;
      }
      // Connecting can block for the whole timeout, so it happens on the reader's own thread,
      // never on the task's worker; a failure surfaces from pollNext.
      thread = new Thread(this::connectAndRead, "spate-socket-source-" + address());
      thread.setDaemon(true);
      thread.start();
    }

    private void connectAndRead() {
      Socket connecting = new Socket();
      try {
        connecting.connect(new InetSocketAddress(host, port), connectTimeoutMillis);
      } catch (IOException e) {
        closeQuietly(connecting);
        String reason = e instanceof UnknownHostException ? "unknown host " + host : e.getMessage();
        if (!closed) {
          failure = new IOException("Socket source: cannot connect to " + address() + ": " + reason, e);
        }
        socketDone = true;
        available.complete(null);
        return;
      }
      synchronized (this) {
        socket = connecting;
        if (closed) {
          closeQuietly(connecting);
        }
      }
      readSocket();
    }

    private void readSocket() {
      try (Reader in = new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)) {
        char[] chars = new char[8192];
        StringBuilder pending = new StringBuilder();
        int read;
        while ((read = in.read(chars)) != -1) {
          int searchFrom = Math.max(0, pending.length() - delimiter.length() + 1);
          pending.append(chars, 0, read);
          int recordStart = 0;
          int found;
          while ((found = pending.indexOf(delimiter, Math.max(searchFrom, recordStart))) >= 0) {
            put(record(pending, recordStart, found));
            recordStart = found + delimiter.length();
          }
          pending.delete(0, recordStart);
        }
        if (pending.length() > 0) {
          put(record(pending, 0, pending.length()));
        }
      } catch (InterruptedException e) {
        // close() interrupted a put: nothing will read the queue any more.
      } catch (IOException e) {
        if (!closed) {
          failure = new IOException("Socket source: reading from " + address() + " failed: " + e.getMessage(), e);
        }
      } finally {
        socketDone = true;
        available.complete(null);
      }
    }

    private String record(StringBuilder text, int from, int to) {
      // Like most line protocols, a "\n" delimiter also ends lines that end in "\r\n".
      if (to > from && text.charAt(to - 1) == '\r' && delimiter.equals("\n")) {
        to--;
      }
      return text.substring(from, to);
    }

    private void put(String record) throws InterruptedException {
      queue.put(record);
      available.complete(null);
    }

    @Override
    public InputStatus pollNext(ReaderOutput<String> output) throws IOException {
      if (!ownsConnection) {
        return InputStatus.END_OF_INPUT;
      }
      int emitted = 0;
      String record;
      while (emitted < MAX_RECORDS_PER_POLL && (record = queue.poll()) != null) {
        output.collect(record);
        emitted++;
      }
      if (emitted > 0) {
        return InputStatus.MORE_AVAILABLE;
      }
      if (socketDone) {
        // The socket thread queues its last record before it sets socketDone.
        if (!queue.isEmpty()) {
          return InputStatus.MORE_AVAILABLE;
        }
        if (failure != null) {
          throw failure;
        }
        return InputStatus.END_OF_INPUT;
      }
      CompletableFuture<Void> future = new CompletableFuture<>();
      available = future;
      // A record queued before the new future was visible completed the old one: look again.
      if (!queue.isEmpty() || socketDone) {
        future.complete(null);
        return InputStatus.MORE_AVAILABLE;
      }
      return InputStatus.NOTHING_AVAILABLE;
    }

    @Override
    public CompletableFuture<Void> isAvailable() {
      return available;
    }

    @Override
    public void addSplits(List<SocketSplit> splits) {}

    @Override
    public void notifyNoMoreSplits() {}

    @Override
    public List<SocketSplit> snapshotState(long checkpointId) {
      return List.of();
    }

    @Override
    public void close() throws InterruptedException {
      closed = true;
      synchronized (this) {
        if (socket != null) {
          closeQuietly(socket);
        }
      }
      if (thread != null) {
        thread.interrupt();
        thread.join(5_000);
      }
      available.complete(null);
    }

    private static void closeQuietly(Socket socket) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // Closing is best effort: the socket is abandoned either way.
      }
    }
  }
}
