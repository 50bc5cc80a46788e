package io.spate.table.connectors.jdbc;

import io.spate.api.annotation.Internal;
import io.spate.api.configuration.ReadableConfig;
import io.spate.api.connector.sink.Sink;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.DataStreamSink;
import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import io.spate.connectors.jdbc.JdbcExecutionOptions;
import io.spate.connectors.jdbc.JdbcSink;
import io.spate.connectors.jdbc.JdbcUpsertSink;
import io.spate.table.api.ValidationException;
import io.spate.table.connector.ChangelogMode;
import io.spate.table.connector.sink.DynamicTableSink;
import io.spate.table.types.logical.RowType;
import java.io.Serializable;
import io.spate.table.runtime.operators.KeyProjection;
import io.spate.table.runtime.typeutils.TypeInfos;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The sink of a {@code jdbc} table. With a {@code PRIMARY KEY} it is an upsert sink (a
 * {@link JdbcUpsertSink}): it takes inserts, updates after and deletes, writes the last change of
 * each key per flush and deletes by key, so a query's updates keep the table equal to its result.
 * Without one it takes inserts only and appends them with {@code INSERT} batches; an updating query
 * is refused at planning time, naming the table. Both are at least once: a checkpoint completes
 * only once the rows before it are committed.
 */
@Internal
final class JdbcDynamicTableSink implements DynamicTableSink {

  private final JdbcTableOptions table;
  private final RowType physical;
  private final List<String> primaryKey;
  private final WriteOptions write;

  JdbcDynamicTableSink(JdbcTableOptions table, RowType physical, List<String> primaryKey, WriteOptions write) {
    this.table = table;
    this.physical = physical;
    this.primaryKey = primaryKey;
    this.write = write;
  }

  @Override
  public ChangelogMode getChangelogMode(ChangelogMode requestedMode) {
    return primaryKey.isEmpty() ? ChangelogMode.insertOnly() : ChangelogMode.upsert();
  }

  @Override
  public SinkRuntimeProvider getSinkRuntimeProvider(Context context) {
    Sink<Row> sink = primaryKey.isEmpty() ? appendSink() : upsertSink();
    return (DataStreamSinkProvider) (DataStream<Row> rows, String name) -> {
      DataStream<Row> input = rows;
      if (!primaryKey.isEmpty() && write.parallelism() != null && write.parallelism() != rows.getParallelism()) {
        // The changes of a key must reach one sink subtask in their order, which a rebalance would not keep.
        input = rows.keyBy(new KeyProjection(keyIndexes()), TypeInfos.ofRow(keyType()));
      }
      DataStreamSink<Row> written = input.sinkTo(sink).name(name);
      if (write.parallelism() != null) {
        written.setParallelism(write.parallelism());
      }
      return written;
    };
  }

  private Sink<Row> upsertSink() {
    return JdbcUpsertSink.<Row>builder()
        .setTableName(table.tableName())
        .setFieldNames(physical.getFieldNames().toArray(new String[0]))
        .setKeyFieldNames(primaryKey.toArray(new String[0]))
        .setValueExtractor(JdbcDynamicTableSink::values)
        .setDeleteFilter(row -> row.getKind() == RowKind.DELETE)
        .setFieldSetters(setters())
        .setDialect(table.dialect())
        .setExecutionOptions(write.executionOptions())
        .setConnectionOptions(table.connection())
        .build();
  }

  private Sink<Row> appendSink() {
    String insert = table.dialect().getInsertIntoStatement(table.tableName(),
        physical.getFieldNames().toArray(new String[0]));
    JdbcUpsertSink.FieldSetter[] setters = setters();
    return JdbcSink.sink(insert, (statement, row) -> {
      for (int i = 0; i < setters.length; i++) {
        setters[i].set(statement, i + 1, row.getField(i));
      }
    }, write.executionOptions(), table.connection());
  }

  private int[] keyIndexes() {
    return primaryKey.stream().mapToInt(physical.getFieldNames()::indexOf).toArray();
  }

  private RowType keyType() {
    List<RowType.RowField> fields = new ArrayList<>();
    for (String key : primaryKey) {
      fields.add(new RowType.RowField(key, physical.getTypeAt(physical.getFieldNames().indexOf(key))));
    }
    return new RowType(false, fields);
  }

  private JdbcUpsertSink.FieldSetter[] setters() {
    JdbcUpsertSink.FieldSetter[] setters = new JdbcUpsertSink.FieldSetter[physical.getFieldCount()];
    for (int i = 0; i < setters.length; i++) {
      setters[i] = JdbcTypeMapping.setter(physical.getTypeAt(i));
    }
    return setters;
  }

  private static Object[] values(Row row) {
    Object[] values = new Object[row.getArity()];
    for (int i = 0; i < values.length; i++) {
      values[i] = row.getField(i);
    }
    return values;
  }

  @Override
  public String asSummaryString() {
    return "jdbc";
  }

  /**
   * How the sink writes.
   *
   * @param maxRows buffered rows at which it writes
   * @param interval how long a row may wait (0: no limit)
   * @param maxRetries retries of a failed write
   * @param parallelism the sink's parallelism, or null for the input's
   */
  record WriteOptions(int maxRows, Duration interval, int maxRetries, Integer parallelism) implements Serializable {

    static WriteOptions of(ReadableConfig options, String table) {
      int maxRows = options.get(JdbcConnectorOptions.SINK_BUFFER_FLUSH_MAX_ROWS);
      Duration interval = options.get(JdbcConnectorOptions.SINK_BUFFER_FLUSH_INTERVAL);
      int maxRetries = options.get(JdbcConnectorOptions.SINK_MAX_RETRIES);
      Integer parallelism = options.getOptional(JdbcConnectorOptions.SINK_PARALLELISM).orElse(null);
      if (maxRows < 0) {
        throw new ValidationException("Table " + table + ": 'sink.buffer-flush.max-rows' must not be negative, not "
            + maxRows);
      }
      if (interval.isNegative()) {
        throw new ValidationException("Table " + table + ": 'sink.buffer-flush.interval' must not be negative, not "
            + interval);
      }
      if (maxRetries < 0) {
        throw new ValidationException("Table " + table + ": 'sink.max-retries' must not be negative, not "
            + maxRetries);
      }
      if (parallelism != null && parallelism < 1) {
        throw new ValidationException("Table " + table + ": 'sink.parallelism' must be at least 1, not "
            + parallelism);
      }
      // 0 rows turns buffering off, as in Flink: every row is written at once.
      return new WriteOptions(Math.max(1, maxRows), interval, maxRetries, parallelism);
    }

    JdbcExecutionOptions executionOptions() {
      return JdbcExecutionOptions.builder().withBatchSize(maxRows).withBatchIntervalMs(interval.toMillis())
          .withMaxRetries(maxRetries).build();
    }
  }
}
