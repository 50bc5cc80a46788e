package io.spate.table.client;

import io.spate.api.annotation.Internal;
import io.spate.api.datastream.CloseableIterator;
import io.spate.api.serialization.DataInputDeserializer;
import io.spate.api.serialization.TypeSerializer;
import io.spate.api.types.Row;
import io.spate.table.runtime.typeutils.TypeInfos;
import io.spate.table.types.logical.RowType;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Where the SQL client receives the rows of a query running on a session cluster: a server socket
 * that the query's {@link ResultSocketSink} connects to (proving itself with a random token), read
 * as an iterator. A bounded queue sits between the socket and the iterator, so a client that reads
 * slowly slows the job down instead of filling its memory. When the sink's connection drops without
 * its end mark, {@link JobState} tells a failed or cancelled job from a restarting one.
 */
@Internal
public final class ResultSocketServer implements CloseableIterator<Row> {

  private static final int CAPACITY = 4096;
  private static final Object END = new Object();

  /** The state of the query's job, asked when its sink's connection is lost. */
  @FunctionalInterface
  public interface JobState {
    /** Null while the job runs (or restarts); else why no more rows come (its failure, or that it ended). */
    String endedBecause() throws Exception;
  }

  private final ServerSocket server;
  private final String token;
  private final TypeSerializer<Row> serializer;
  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(CAPACITY);
  private final Thread reader;
  private volatile JobState jobState = () -> null;
  private volatile Runnable onClose = () -> { };
  private volatile Socket connection;
  private volatile boolean closed;
  private volatile boolean connectionLost;
  private Object next;
  private boolean ended;

  /** A server on any of this machine's addresses, at a free port, for rows of {@code rowType}. */
  public ResultSocketServer(RowType rowType) throws IOException {
    this.server = new ServerSocket(0, 8, (InetAddress) null);
    byte[] secret = new byte[16];
    new SecureRandom().nextBytes(secret);
    this.token = HexFormat.of().formatHex(secret);
    this.serializer = TypeInfos.ofRow(rowType).createSerializer();
    this.reader = new Thread(this::serve, "spate-sql-remote-result");
    this.reader.setDaemon(true);
    this.reader.start();
  }

  /** The port the sink connects to. */
  public int port() {
    return server.getLocalPort();
  }

  /** The token the sink must send. */
  public String token() {
    return token;
  }

  /** Sets how the job's state is asked, and what closing the iterator does besides (cancel the job). */
  public void attach(JobState state, Runnable closeAction) {
    this.jobState = state;
    this.onClose = closeAction;
  }

  private void serve() {
    while (!closed) {
      try (Socket socket = server.accept()) {
        DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 1 << 16));
        if (!token.equals(in.readUTF())) {
          continue; // not our query's sink
        }
        in.readInt(); // the writer's attempt: a restarted one sends its rows again
        connection = socket;
        connectionLost = false;
        if (readRows(in)) {
          return;
        }
      } catch (IOException e) {
        // the sink's connection broke: a restarted sink connects again, a failed job is told by jobState
      } catch (InterruptedException e) {
        return;
      }
      connectionLost = true;
    }
  }

  /** Reads one connection's rows; returns true at the end mark. */
  private boolean readRows(DataInputStream in) throws IOException, InterruptedException {
    while (true) {
      int length;
      try {
        length = in.readInt();
      } catch (EOFException e) {
        return false;
      }
      if (length == ResultSocketSink.END) {
        queue.put(END);
        return true;
      }
      byte[] bytes = new byte[length];
      in.readFully(bytes);
      queue.put(serializer.deserialize(new DataInputDeserializer(bytes)));
    }
  }

  @Override
  public boolean hasNext() {
    while (next == null && !ended) {
      if (closed) {
        return false;
      }
      Object polled;
      try {
        polled = queue.poll(200, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
      if (polled == END) {
        ended = true;
      } else if (polled != null) {
        next = polled;
      } else if (connectionLost || connection == null) {
        String why;
        try {
          why = jobState.endedBecause();
        } catch (Exception e) {
          throw new IllegalStateException("Lost the query's job: " + e.getMessage(), e);
        }
        if (why != null && queue.isEmpty()) {
          throw new IllegalStateException(why);
        }
      }
    }
    return next != null;
  }

  @Override
  public Row next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Row row = (Row) next;
    next = null;
    return row;
  }

  /** Stops reading: cancels the query's job (if it runs) and closes the socket. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      onClose.run();
    } finally {
      try {
        server.close();
        Socket open = connection;
        if (open != null) {
          open.close();
        }
      } catch (IOException e) {
        // closing anyway
      }
      reader.interrupt();
      queue.clear();
    }
  }
}
