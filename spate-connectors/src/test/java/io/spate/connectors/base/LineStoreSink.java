package io.spate.connectors.base;

import io.spate.api.connector.sink.Sink;
import io.spate.api.connector.sink.SinkWriter;
import io.spate.api.connector.sink.WriterInitContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A sink that writes strings to a {@link LineStoreServer} with a blocking socket client, through the sink writer base. */
final class LineStoreSink implements Sink<String> {

  private static final long serialVersionUID = 1L;

  /** The most elements any writer of this JVM held in its buffer after a write. */
  static final AtomicInteger MAX_BUFFERED = new AtomicInteger();

  private final int port;
  private final AsyncSinkWriterOptions options;

  LineStoreSink(int port, AsyncSinkWriterOptions options) {
    this.port = port;
    this.options = options;
  }

  @Override
  public SinkWriter<String> createWriter(WriterInitContext context) {
    return new Writer(port, options, context.getSubtaskId());
  }

  /** Sends each batch as one request on a new connection and waits for the answer. */
  static final class Writer extends BlockingSinkWriterBase<String> {
    private final int port;

    Writer(int port, AsyncSinkWriterOptions options, int subtask) {
      super("line-store", subtask, options);
      this.port = port;
    }

    @Override
    protected void writeBatch(List<String> batch) throws IOException {
      try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
          OutputStream out = socket.getOutputStream();
          BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
        StringBuilder request = new StringBuilder();
        for (String line : batch) {
          request.append(line).append('\n');
        }
        request.append('\n');
        out.write(request.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
        String answer = in.readLine();
        if (!"OK".equals(answer)) {
          throw new IOException("the server answered " + answer);
        }
      }
    }

    @Override
    public void write(String element, Context context) throws IOException {
      super.write(element, context);
      MAX_BUFFERED.accumulateAndGet(bufferedElements(), Math::max);
    }

    int inFlight() {
      return inFlightRequests();
    }

    int buffered() {
      return bufferedElements();
    }
  }
}
