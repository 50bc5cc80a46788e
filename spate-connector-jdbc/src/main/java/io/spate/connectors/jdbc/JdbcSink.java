package io.spate.connectors.jdbc;

import io.spate.api.connector.sink.Committer;
import io.spate.api.connector.sink.Sink;
import io.spate.api.connector.sink.SinkWriter;
import io.spate.api.connector.sink.StatefulSinkWriter;
import io.spate.api.connector.sink.SupportsCommitter;
import io.spate.api.connector.sink.SupportsWriterState;
import io.spate.api.connector.sink.WriterInitContext;
import io.spate.api.connector.source.SimpleVersionedSerializer;
import io.spate.api.connector.source.VersionedSerializer;
import io.spate.api.functions.SerializableSupplier;
import io.spate.api.serialization.DataInputDeserializer;
import io.spate.api.serialization.DataOutputSerializer;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import javax.sql.XADataSource;

/**
 * Sinks that write a stream into a database with a prepared SQL statement (Flink's
 * {@code JdbcSink}): {@link #sink} executes batches and is at least once (exactly once in effect
 * with an upsert such as PostgreSQL's {@code INSERT ... ON CONFLICT ... DO UPDATE}),
 * {@link #exactlyOnceSink} writes each checkpoint's records in one XA transaction per subtask that
 * the checkpoint's completion commits. Attach either with {@code stream.sinkTo(...)}.
 */
public final class JdbcSink {

  /** Wait before retry n (1, 2, ...): n times this. */
  static final Duration RETRY_BACKOFF = Duration.ofSeconds(1);

  private JdbcSink() {}

  /** An at-least-once sink with the default execution options (batches of 5000, 3 retries). */
  public static <T> Sink<T> sink(String sql, JdbcStatementBuilder<T> statementBuilder,
      JdbcConnectionOptions connectionOptions) {
    return sink(sql, statementBuilder, JdbcExecutionOptions.defaults(), connectionOptions);
  }

  /**
   * An at-least-once sink that executes {@code sql} for every record, with parameters set by
   * {@code statementBuilder}, in batches as {@code executionOptions} say, on connections that
   * {@code connectionOptions} describe.
   */
  public static <T> Sink<T> sink(String sql, JdbcStatementBuilder<T> statementBuilder,
      JdbcExecutionOptions executionOptions, JdbcConnectionOptions connectionOptions) {
    return new JdbcAtLeastOnceSink<>(requireSql(sql), Objects.requireNonNull(statementBuilder, "statementBuilder"),
        Objects.requireNonNull(executionOptions, "executionOptions"),
        Objects.requireNonNull(connectionOptions, "connectionOptions"), RETRY_BACKOFF);
  }

  /**
   * An exactly-once sink: the records of each subtask between two checkpoints are written in one XA
   * transaction of a connection from {@code dataSource}, prepared before the checkpoint and
   * committed when it completes. {@code executionOptions} must allow no retries (a failed statement
   * fails the transaction; the job recovers from the last checkpoint instead), and the database
   * must allow prepared transactions (PostgreSQL: {@code max_prepared_transactions} > 0).
   */
  public static <T> Sink<T> exactlyOnceSink(String sql, JdbcStatementBuilder<T> statementBuilder,
      JdbcExecutionOptions executionOptions, JdbcExactlyOnceOptions exactlyOnceOptions,
      SerializableSupplier<XADataSource> dataSource) {
    Objects.requireNonNull(executionOptions, "executionOptions");
    if (executionOptions.getMaxRetries() > 0) {
      throw new IllegalArgumentException("JdbcSink.exactlyOnceSink needs JdbcExecutionOptions with maxRetries 0,"
          + " not " + executionOptions.getMaxRetries() + ": a statement retried inside an XA transaction could"
          + " write a record twice; a failure instead recovers the job from its last checkpoint");
    }
    return new JdbcExactlyOnceSink<>(requireSql(sql), Objects.requireNonNull(statementBuilder, "statementBuilder"),
        executionOptions, Objects.requireNonNull(exactlyOnceOptions, "exactlyOnceOptions"),
        Objects.requireNonNull(dataSource, "dataSource"), UUID.randomUUID(), RETRY_BACKOFF);
  }

  private static String requireSql(String sql) {
    if (sql == null || sql.isBlank()) {
      throw new IllegalArgumentException("JdbcSink: the SQL statement is missing");
    }
    return sql;
  }

  /** The sink of {@link #sink}. */
  static final class JdbcAtLeastOnceSink<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;
    private final String sql;
    private final JdbcStatementBuilder<T> statementBuilder;
    private final JdbcExecutionOptions executionOptions;
    private final JdbcConnectionOptions connectionOptions;
    private final Duration retryBackoff;

    JdbcAtLeastOnceSink(String sql, JdbcStatementBuilder<T> statementBuilder, JdbcExecutionOptions executionOptions,
        JdbcConnectionOptions connectionOptions, Duration retryBackoff) {
      this.sql = sql;
      this.statementBuilder = statementBuilder;
      this.executionOptions = executionOptions;
      this.connectionOptions = connectionOptions;
      this.retryBackoff = retryBackoff;
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
      return new JdbcAtLeastOnceWriter<>(sql, statementBuilder, executionOptions, connectionOptions, retryBackoff,
          context.getSubtaskId());
    }

    @Override
    public String toString() {
      return "JdbcSink[" + sql + " on " + connectionOptions.getDbURL() + "]";
    }
  }

  /** The sink of {@link #exactlyOnceSink}. */
  static final class JdbcExactlyOnceSink<T>
      implements Sink<T>, SupportsCommitter<SinkXid>, SupportsWriterState<T, XaWriterState> {
    private static final long serialVersionUID = 1L;
    private final String sql;
    private final JdbcStatementBuilder<T> statementBuilder;
    private final JdbcExecutionOptions executionOptions;
    private final JdbcExactlyOnceOptions exactlyOnceOptions;
    private final SerializableSupplier<XADataSource> dataSource;
    /** Names this job run in its transaction ids; chosen when the job is built. */
    private final UUID tag;
    private final Duration retryBackoff;

    JdbcExactlyOnceSink(String sql, JdbcStatementBuilder<T> statementBuilder, JdbcExecutionOptions executionOptions,
        JdbcExactlyOnceOptions exactlyOnceOptions, SerializableSupplier<XADataSource> dataSource, UUID tag,
        Duration retryBackoff) {
      this.sql = sql;
      this.statementBuilder = statementBuilder;
      this.executionOptions = executionOptions;
      this.exactlyOnceOptions = exactlyOnceOptions;
      this.dataSource = dataSource;
      this.tag = tag;
      this.retryBackoff = retryBackoff;
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
      return restoreWriter(context, List.of());
    }

    @Override
    public StatefulSinkWriter<T, XaWriterState> restoreWriter(WriterInitContext context,
        Collection<XaWriterState> recoveredState) {
      return new JdbcXaWriter<>(sql, statementBuilder, executionOptions, exactlyOnceOptions, dataSource, tag,
          recoveredState, context.getSubtaskId(), context.getNumberOfParallelSubtasks(), context.getAttemptNumber());
    }

    @Override
    public Committer<SinkXid> createCommitter() {
      return new JdbcXaCommitter(dataSource, exactlyOnceOptions.getMaxCommitAttempts(), retryBackoff);
    }

    @Override
    public SimpleVersionedSerializer<SinkXid> getCommittableSerializer() {
      return XID_SERIALIZER;
    }

    @Override
    public SimpleVersionedSerializer<XaWriterState> getWriterStateSerializer() {
      return STATE_SERIALIZER;
    }

    @Override
    public String toString() {
      return "JdbcSink.exactlyOnceSink[" + sql + "]";
    }
  }

  private static final SimpleVersionedSerializer<SinkXid> XID_SERIALIZER =
      new VersionedSerializer<>("JDBC sink transaction id", 1) {
        @Override
        protected void write(SinkXid xid, DataOutputSerializer out) throws IOException {
          byte[] bytes = xid.toBytes();
          out.writeInt(bytes.length);
          out.write(bytes);
        }

        @Override
        protected SinkXid read(DataInputDeserializer in) throws IOException {
          byte[] bytes = new byte[in.readInt()];
          in.readFully(bytes);
          try {
            return SinkXid.fromBytes(bytes);
          } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
          }
        }
      };

  private static final SimpleVersionedSerializer<XaWriterState> STATE_SERIALIZER =
      new VersionedSerializer<>("JDBC exactly-once writer state", 1) {
        @Override
        protected void write(XaWriterState state, DataOutputSerializer out) throws IOException {
          out.writeLong(state.tag().getMostSignificantBits());
          out.writeLong(state.tag().getLeastSignificantBits());
          out.writeLong(state.checkpointId());
        }

        @Override
        protected XaWriterState read(DataInputDeserializer in) throws IOException {
          return new XaWriterState(new UUID(in.readLong(), in.readLong()), in.readLong());
        }
      };
}
