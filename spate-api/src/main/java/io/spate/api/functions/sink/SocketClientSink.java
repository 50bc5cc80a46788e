package io.spate.api.functions.sink;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.configuration.Configuration;
import io.spate.api.metrics.MetricGroup;
import io.spate.api.serialization.schema.SerializationSchema;
import io.spate.api.util.UserCodeClassLoader;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A legacy sink that writes each record, as its serialization schema makes it bytes, to a socket
 * server. If a write fails it connects again and resends, up to {@code maxNumRetries} times ({@code
 * -1}: until it works or the job is cancelled), 500 ms apart; with none left the job fails.
 *
 * @param <IN> the record type
 */
@PublicEvolving
public class SocketClientSink<IN> extends RichSinkFunction<IN> {

  private static final long serialVersionUID = 1L;

  /** The wait before connecting again after a failed write, in milliseconds. */
  private static final long CONNECTION_RETRY_DELAY = 500;

  private final String hostName;
  private final int port;
  private final SerializationSchema<IN> schema;
  private final int maxNumRetries;
  private final boolean autoFlush;

  private transient Socket client;
  private transient OutputStream outputStream;
  private transient int retries;
  private transient Map<String, Runnable> releaseHooks;
  private volatile boolean isRunning = true;

  /** A sink to {@code hostName:port} that does not retry and does not flush after each record. */
  public SocketClientSink(String hostName, int port, SerializationSchema<IN> schema) {
    this(hostName, port, schema, 0);
  }

  /** A sink that retries a failed write {@code maxNumRetries} times ({@code -1}: forever). */
  public SocketClientSink(String hostName, int port, SerializationSchema<IN> schema, int maxNumRetries) {
    this(hostName, port, schema, maxNumRetries, false);
  }

  /** As the other constructors; with {@code autoflush} each record is flushed to the socket as written. */
  public SocketClientSink(String hostName, int port, SerializationSchema<IN> schema, int maxNumRetries,
      boolean autoflush) {
    this.hostName = Objects.requireNonNull(hostName, "SocketClientSink: the host name must not be null.");
    this.schema = Objects.requireNonNull(schema, "SocketClientSink: the serialization schema must not be null.");
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("SocketClientSink: port " + port + " is out of range 1-65535.");
    }
    if (maxNumRetries < -1) {
      throw new IllegalArgumentException("SocketClientSink: maxNumRetries is " + maxNumRetries
          + "; it must be -1 (retry forever) or more.");
    }
    this.port = port;
    this.maxNumRetries = maxNumRetries;
    this.autoFlush = autoflush;
  }

  /** Opens the schema and connects to the server. */
  @Override
  public void open(Configuration parameters) throws Exception {
    releaseHooks = new LinkedHashMap<>();
    schema.open(new SerializationSchema.InitializationContext() {
      @Override
      public MetricGroup getMetricGroup() {
        return getRuntimeContext().getMetricGroup();
      }

      @Override
      public UserCodeClassLoader getUserCodeClassLoader() {
        return new UserCodeClassLoader() {
          @Override
          public ClassLoader asClassLoader() {
            return getRuntimeContext().getUserCodeClassLoader();
          }

          @Override
          public void registerReleaseHookIfAbsent(String releaseHookName, Runnable releaseHook) {
            // the sink's instance ends with close(): its hooks run there
            releaseHooks.putIfAbsent(releaseHookName, releaseHook);
          }
        };
      }
    });
    connect();
  }

  private void connect() throws IOException {
    Socket socket = new Socket();
    try {
      socket.connect(new InetSocketAddress(hostName, port));
      socket.setKeepAlive(true);
      socket.setTcpNoDelay(true);
    } catch (IOException e) {
      socket.close();
      throw new IOException("SocketClientSink: cannot connect to the socket server at " + hostName + ":" + port
          + ": " + e.getMessage(), e);
    }
    client = socket;
    outputStream = socket.getOutputStream();
  }

  @Override
  public void invoke(IN value) throws Exception {
    byte[] bytes = schema.serialize(value);
    try {
      write(bytes);
    } catch (IOException e) {
      if (maxNumRetries == 0) {
        throw new IOException("SocketClientSink: failed to send a record to " + hostName + ":" + port
            + ", and retries are off: " + e.getMessage(), e);
      }
      resend(bytes, e);
    }
  }

  private void write(byte[] bytes) throws IOException {
    outputStream.write(bytes);
    if (autoFlush) {
      outputStream.flush();
    }
  }

  private void resend(byte[] bytes, IOException cause) throws Exception {
    IOException last = cause;
    while (isRunning && (maxNumRetries == -1 || retries < maxNumRetries)) {
      retries++;
      closeQuietly();
      try {
        connect();
        write(bytes);
        retries = 0;
        return;
      } catch (IOException e) {
        last = e;
        Thread.sleep(CONNECTION_RETRY_DELAY);
      }
    }
    throw new IOException("SocketClientSink: failed to send a record to " + hostName + ":" + port + " after "
        + retries + " retries: " + last.getMessage(), last);
  }

  /** How many times the sink has connected again for the record it is sending. */
  int getCurrentNumberOfRetries() {
    return retries;
  }

  private void closeQuietly() {
    try {
      if (client != null) {
        client.close();
      }
    } catch (IOException ignored) {
      // the socket is being replaced; a failure to close it changes nothing
    }
  }

  /** Flushes and closes the connection, then runs the hooks the schema registered. */
  @Override
  public void close() throws Exception {
    isRunning = false;
    try {
      if (outputStream != null) {
        outputStream.flush();
      }
    } finally {
      if (client != null) {
        client.close();
      }
      if (releaseHooks != null) {
        releaseHooks.values().forEach(Runnable::run);
        releaseHooks.clear();
      }
    }
  }
}
