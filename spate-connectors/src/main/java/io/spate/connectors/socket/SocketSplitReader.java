package io.spate.connectors.socket;

import io.spate.connectors.base.RecordsBySplits;
import io.spate.connectors.base.SplitReader;
import io.spate.connectors.socket.SocketTextSource.SocketSplit;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Connects to the socket of its one split and reads delimiter-separated UTF-8 records from it,
 * blocking in the socket's read; the split finishes when the server closes the connection.
 */
final class SocketSplitReader implements SplitReader<String, SocketSplit> {

  /** Records one fetch returns at most. */
  static final int MAX_RECORDS_PER_BATCH = 512;

  private final String delimiter;
  private final int connectTimeoutMillis;
  private final char[] chars = new char[8192];
  private final StringBuilder pending = new StringBuilder();
  /** Where the next record starts in {@link #pending}. */
  private int recordStart;
  /** No delimiter starts in {@link #pending} before this index. */
  private int searchFrom;
  private SocketSplit split;
  private Reader in;
  private Socket socket;
  private boolean closing;
  private final long maxRetry;
  private long retries;

  /** How long the reader waits before it connects again to a server that closed the connection. */
  static final long RETRY_DELAY_MILLIS = 500;

  SocketSplitReader(String delimiter, int connectTimeoutMillis) {
    this(delimiter, connectTimeoutMillis, 0);
  }

  /** A reader that connects again after the server closed the connection, up to {@code maxRetry} times (-1: for ever). */
  SocketSplitReader(String delimiter, int connectTimeoutMillis, long maxRetry) {
    this.delimiter = delimiter;
    this.connectTimeoutMillis = connectTimeoutMillis;
    this.maxRetry = maxRetry;
  }

  @Override
  public void addSplits(List<SocketSplit> splits) {
    if (split != null || splits.size() != 1) {
      throw new IllegalStateException("Socket source: a reader reads one socket, but was given " + splits
          + (split != null ? " after " + split : ""));
    }
    split = splits.get(0);
  }

  @Override
  public RecordsBySplits<String> fetch() throws IOException {
    if (in == null) {
      connect();
    }
    String splitId = split.splitId();
    RecordsBySplits.Builder<String> batch = RecordsBySplits.builder();
    try {
      while (batch.size() < MAX_RECORDS_PER_BATCH) {
        int found = pending.indexOf(delimiter, Math.max(searchFrom, recordStart));
        if (found >= 0) {
          batch.add(splitId, record(recordStart, found));
          recordStart = found + delimiter.length();
          searchFrom = recordStart;
          continue;
        }
        if (batch.size() > 0) {
          break; // hand over what is complete rather than wait for the server to send more
        }
        pending.delete(0, recordStart);
        recordStart = 0;
        searchFrom = Math.max(0, pending.length() - delimiter.length() + 1);
        int read = in.read(chars);
        if (read == -1 && (maxRetry == -1 || retries < maxRetry)) {
          retries++;
          reconnectAfterDelay();
          continue; // a record cut by the end of the connection goes on in the next, as in Flink
        }
        if (read == -1) {
          if (pending.length() > 0) {
            batch.add(splitId, record(0, pending.length()));
            pending.setLength(0);
          }
          batch.finish(splitId);
          break;
        }
        pending.append(chars, 0, read);
      }
    } catch (IOException e) {
      throw new IOException("Socket source: reading from " + splitId + " failed: " + e.getMessage(), e);
    }
    return batch.build();
  }

  private void connect() throws IOException {
    Socket connecting = new Socket();
    synchronized (this) {
      if (closing) {
        throw new IOException("Socket source: closed before connecting to " + split.splitId());
      }
      socket = connecting;
    }
    try {
      connecting.connect(new InetSocketAddress(split.host(), split.port()), connectTimeoutMillis);
    } catch (IOException e) {
      closeQuietly(connecting);
      String reason = e instanceof UnknownHostException ? "unknown host " + split.host() : e.getMessage();
      throw new IOException("Socket source: cannot connect to " + split.splitId() + ": " + reason, e);
    }
    in = new InputStreamReader(connecting.getInputStream(), StandardCharsets.UTF_8);
  }

  /** Closes the ended connection and opens a new one {@link #RETRY_DELAY_MILLIS} ms later, unless the reader closes first. */
  private void reconnectAfterDelay() throws IOException {
    Socket ended;
    synchronized (this) {
      ended = socket;
      socket = null;
    }
    if (ended != null) {
      closeQuietly(ended);
    }
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(RETRY_DELAY_MILLIS);
    synchronized (this) {
      long left;
      while (!closing && (left = deadline - System.nanoTime()) > 0) {
        try {
          java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new java.io.InterruptedIOException("Socket source: interrupted while waiting to reconnect to "
              + split.splitId());
        }
      }
    }
    connect();
  }

  private String record(int from, int to) {
    // Like most line protocols, a "\n" delimiter also ends lines that end in "\r\n".
    if (to > from && pending.charAt(to - 1) == '\r' && delimiter.equals("\n")) {
      to--;
    }
    return pending.substring(from, to);
  }

  /**
   * Closes the socket, which is the only way to end a blocked connect or read. The reader's one
   * split is given before the first fetch and never changes, so a wake-up only ever comes when the
   * reader closes.
   */
  @Override
  public void wakeUp() {
    Socket current;
    synchronized (this) {
      closing = true;
      current = socket;
      notifyAll(); // ends the wait before a reconnection
    }
    if (current != null) {
      closeQuietly(current);
    }
  }

  @Override
  public void close() {
    wakeUp();
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // Closing is best effort: the socket is abandoned either way.
    }
  }
}
