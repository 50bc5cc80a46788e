package io.spate.api.functions.source;

import io.spate.api.annotation.PublicEvolving;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A non-parallel legacy source of the text a socket server sends, cut into records at a delimiter
 * (a {@code \r} before a {@code \n} delimiter is dropped). When the server closes the connection it
 * connects again, up to a number of connections; what is left after the last delimiter is emitted
 * at the end. Not checkpointed: what was read is not read again after a failure.
 */
@PublicEvolving
public class SocketTextStreamFunction implements SourceFunction<String> {

  private static final long serialVersionUID = 1L;

  /** The wait between connections when none is given, in milliseconds. */
  private static final long DEFAULT_CONNECTION_RETRY_SLEEP = 500;

  private final String hostname;
  private final int port;
  private final String delimiter;
  private final long maxNumRetries;
  private final long delayBetweenRetries;

  private transient volatile Socket currentSocket;
  private volatile boolean isRunning = true;

  /**
   * A source reading {@code hostname:port}; after the server closes a connection it connects again
   * while fewer than {@code maxNumRetries} connections ended ({@code -1}: always), 500 ms later.
   */
  public SocketTextStreamFunction(String hostname, int port, String delimiter, long maxNumRetries) {
    this(hostname, port, delimiter, maxNumRetries, DEFAULT_CONNECTION_RETRY_SLEEP);
  }

  /** As the other constructor, waiting {@code delayBetweenRetries} milliseconds between connections. */
  public SocketTextStreamFunction(String hostname, int port, String delimiter, long maxNumRetries,
      long delayBetweenRetries) {
    this.hostname = Objects.requireNonNull(hostname, "SocketTextStreamFunction: the host name must not be null.");
    this.delimiter = Objects.requireNonNull(delimiter, "SocketTextStreamFunction: the delimiter must not be null.");
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("SocketTextStreamFunction: port " + port + " is out of range 1-65535.");
    }
    if (delimiter.isEmpty()) {
      throw new IllegalArgumentException("SocketTextStreamFunction: the delimiter must not be empty.");
    }
    if (maxNumRetries < -1) {
      throw new IllegalArgumentException("SocketTextStreamFunction: maxNumRetries is " + maxNumRetries
          + "; it must be -1 (retry forever) or more.");
    }
    if (delayBetweenRetries < 0) {
      throw new IllegalArgumentException("SocketTextStreamFunction: delayBetweenRetries is " + delayBetweenRetries
          + " ms; it must not be negative.");
    }
    this.port = port;
    this.maxNumRetries = maxNumRetries;
    this.delayBetweenRetries = delayBetweenRetries;
  }

  @Override
  public void run(SourceContext<String> ctx) throws Exception {
    StringBuilder buffer = new StringBuilder();
    long connectionsEnded = 0;
    char[] chunk = new char[8_192];
    while (isRunning) {
      try (Socket socket = new Socket()) {
        currentSocket = socket;
        try {
          socket.connect(new InetSocketAddress(hostname, port));
        } catch (IOException e) {
          throw new IOException("SocketTextStreamFunction: cannot connect to " + hostname + ":" + port + ": "
              + e.getMessage(), e);
        }
        BufferedReader reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        int read;
        while (isRunning && (read = readOrEnd(reader, chunk)) != -1) {
          buffer.append(chunk, 0, read);
          emitRecords(buffer, ctx);
        }
      }
      if (isRunning) {
        connectionsEnded++;
        if (maxNumRetries != -1 && connectionsEnded >= maxNumRetries) {
          break;
        }
        Thread.sleep(delayBetweenRetries);
      }
    }
    if (buffer.length() > 0) {
      synchronized (ctx.getCheckpointLock()) {
        ctx.collect(buffer.toString());
      }
    }
  }

  /** Reads into {@code chunk}; a socket closed by {@link #cancel()} reads as the end. */
  private int readOrEnd(BufferedReader reader, char[] chunk) throws IOException {
    try {
      return reader.read(chunk);
    } catch (IOException e) {
      if (!isRunning) {
        return -1;
      }
      throw e;
    }
  }

  private void emitRecords(StringBuilder buffer, SourceContext<String> ctx) {
    int at;
    while ((at = buffer.indexOf(delimiter)) != -1) {
      String record = buffer.substring(0, at);
      if (delimiter.equals("\n") && record.endsWith("\r")) {
        record = record.substring(0, record.length() - 1);
      }
      synchronized (ctx.getCheckpointLock()) {
        ctx.collect(record);
      }
      buffer.delete(0, at + delimiter.length());
    }
  }

  @Override
  public void cancel() {
    isRunning = false;
    Socket socket = currentSocket;
    if (socket != null) {
      try {
        socket.close(); // unblocks the read in run
      } catch (IOException ignored) {
        // closing is all cancel can do; run ends either way
      }
    }
  }
}
