package io.spate.table.client;

import io.spate.api.annotation.Internal;
import io.spate.api.connector.sink.Sink;
import io.spate.api.connector.sink.SinkWriter;
import io.spate.api.connector.sink.WriterInitContext;
import io.spate.api.serialization.DataOutputSerializer;
import io.spate.api.serialization.TypeSerializer;
import io.spate.api.types.Row;
import io.spate.table.runtime.typeutils.TypeInfos;
import io.spate.table.types.logical.RowType;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * The sink of a query that the SQL client runs on a session cluster: it connects to the client's
 * {@link ResultSocketServer} and streams the query's rows there (each serialized with the row type's
 * serializer), then an end mark when the input ends. It runs with parallelism 1, so the changelog
 * keeps its order. A restarted writer connects again and sends its rows again: the rows since the
 * last checkpoint (all of them, without checkpointing) arrive twice, so delivery is at least once.
 */
@Internal
public final class ResultSocketSink implements Sink<Row> {

  private static final long serialVersionUID = 1L;

  /** The frame length that marks the end of the rows. */
  static final int END = -1;

  private static final int CONNECT_TIMEOUT_MILLIS = 10_000;

  private final String host;
  private final int port;
  private final String token;
  private final RowType rowType;

  /** A sink of rows of {@code rowType} to the client listening at {@code host:port}, which expects {@code token}. */
  public ResultSocketSink(String host, int port, String token, RowType rowType) {
    this.host = host;
    this.port = port;
    this.token = token;
    this.rowType = rowType;
  }

  @Override
  public SinkWriter<Row> createWriter(WriterInitContext context) throws IOException {
    Socket socket = new Socket();
    try {
      socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
    } catch (IOException e) {
      socket.close();
      throw new IOException("The query's result cannot reach the SQL client at " + host + ":" + port
          + " (is the client's machine reachable from the cluster's TaskManagers?): " + e.getMessage(), e);
    }
    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(), 1 << 16));
    out.writeUTF(token);
    out.writeInt(context.getAttemptNumber());
    out.flush();
    TypeSerializer<Row> serializer = TypeInfos.ofRow(rowType).createSerializer();
    DataOutputSerializer buffer = new DataOutputSerializer(256);
    return new SinkWriter<>() {
      @Override
      public void write(Row row, Context ctx) throws IOException {
        buffer.clear();
        serializer.serialize(row, buffer);
        out.writeInt(buffer.length());
        out.write(buffer.getSharedBuffer(), 0, buffer.length());
        out.flush(); // the client shows rows as they come
      }

      @Override
      public void flush(boolean endOfInput) throws IOException {
        if (endOfInput) {
          out.writeInt(END);
        }
        out.flush();
      }

      @Override
      public void close() throws IOException {
        socket.close();
      }
    };
  }
}
