package io.spate.table.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.connector.sink.SinkWriter;
import io.spate.api.connector.sink.WriterInitContext;
import io.spate.api.metrics.groups.SinkWriterMetricGroup;
import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import io.spate.table.types.logical.BigIntType;
import io.spate.table.types.logical.LogicalType;
import io.spate.table.types.logical.RowType;
import io.spate.table.types.logical.VarCharType;
import java.io.DataOutputStream;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The way a remote query's rows come back to the SQL client: the result sink's writer streams rows
 * with their change kinds to the client's server in order, a connection without the token is
 * ignored, a restarted writer's rows arrive again (at least once), a lost job ends the iterator with
 * its reason, and closing the iterator runs the cancel action.
 */
@Timeout(60)
class ResultSocketTest {

  private static final RowType TYPE = RowType.of(new LogicalType[] {new BigIntType(), new VarCharType(10)},
      new String[] {"n", "s"});

  private static WriterInitContext attempt(int number) {
    return new WriterInitContext() {
      @Override
      public int getSubtaskId() {
        return 0;
      }

      @Override
      public int getNumberOfParallelSubtasks() {
        return 1;
      }

      @Override
      public int getAttemptNumber() {
        return number;
      }

      @Override
      public SinkWriterMetricGroup metricGroup() {
        return null;
      }
    };
  }

  private static List<Row> drain(ResultSocketServer rows) {
    List<Row> read = new ArrayList<>();
    rows.forEachRemaining(read::add);
    return read;
  }

  @Test
  void rowsArriveInOrderWithTheirKindsAndEndWithTheInput() throws Exception {
    try (ResultSocketServer rows = new ResultSocketServer(TYPE)) {
      try (Socket stranger = new Socket("127.0.0.1", rows.port())) {
        new DataOutputStream(stranger.getOutputStream()).writeUTF("not the token");
      }
      ResultSocketSink sink = new ResultSocketSink("127.0.0.1", rows.port(), rows.token(), TYPE);
      SinkWriter<Row> writer = sink.createWriter(attempt(0));
      writer.write(Row.of(1L, "a"), null);
      writer.write(Row.ofKind(RowKind.UPDATE_BEFORE, 1L, "a"), null);
      writer.write(Row.ofKind(RowKind.UPDATE_AFTER, 2L, null), null);
      writer.flush(true);
      writer.close();
      List<Row> read = drain(rows);
      assertThat(read).containsExactly(Row.of(1L, "a"), Row.ofKind(RowKind.UPDATE_BEFORE, 1L, "a"),
          Row.ofKind(RowKind.UPDATE_AFTER, 2L, null));
      assertThat(read.get(1).getKind()).isEqualTo(RowKind.UPDATE_BEFORE);
    }
  }

  @Test
  void aRestartedWriterSendsItsRowsAgainAndALostJobEndsTheRowsWithItsReason() throws Exception {
    AtomicReference<String> ended = new AtomicReference<>();
    AtomicBoolean cancelled = new AtomicBoolean();
    ResultSocketServer rows = new ResultSocketServer(TYPE);
    rows.attach(ended::get, () -> cancelled.set(true));
    ResultSocketSink sink = new ResultSocketSink("127.0.0.1", rows.port(), rows.token(), TYPE);
    SinkWriter<Row> first = sink.createWriter(attempt(0));
    first.write(Row.of(1L, "a"), null);
    first.close(); // the task fails: no end mark
    assertThat(rows.next()).isEqualTo(Row.of(1L, "a"));
    SinkWriter<Row> second = sink.createWriter(attempt(1));
    second.write(Row.of(1L, "a"), null);
    second.write(Row.of(2L, "b"), null);
    second.close(); // fails again, and this time the job gives up
    assertThat(rows.next()).isEqualTo(Row.of(1L, "a"));
    assertThat(rows.next()).isEqualTo(Row.of(2L, "b"));
    ended.set("The query's job 42 failed: boom");
    assertThatThrownBy(rows::hasNext).hasMessage("The query's job 42 failed: boom");
    rows.close();
    assertThat(cancelled).isTrue();
  }
}
