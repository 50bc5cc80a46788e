package io.spate.table.api.bridge.java;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.types.Row;
import io.spate.table.api.Table;
import io.spate.table.api.TableEnvironment;
import io.spate.table.api.internal.StreamTableEnvironmentImpl;

/**
 * A {@link TableEnvironment} joined to a DataStream program: DataStreams become tables
 * ({@link #fromDataStream}, {@link #createTemporaryView(String, DataStream)}) and query results become
 * DataStreams ({@link #toDataStream}, {@link #toChangelogStream}) of the program's job.
 */
@PublicEvolving
public interface StreamTableEnvironment extends TableEnvironment {

  /** A table environment whose conversions build into {@code env}'s job. */
  static StreamTableEnvironment create(StreamExecutionEnvironment env) {
    return StreamTableEnvironmentImpl.create(env);
  }

  /**
   * {@code stream} as a table: a stream of rows keeps its fields, of tuples {@code f0, f1, ...}, of POJOs or
   * records their fields, of any other type one column {@code f0}.
   */
  <T> Table fromDataStream(DataStream<T> stream);

  /** Registers {@code stream} as the temporary view {@code path}, with the columns {@link #fromDataStream} gives. */
  <T> void createTemporaryView(String path, DataStream<T> stream);

  /** The rows of {@code table}, an insert-only query, as a DataStream of the program's job. */
  DataStream<Row> toDataStream(Table table);

  /** The changes of {@code table}'s result, each row with its {@link io.spate.api.types.RowKind}. */
  DataStream<Row> toChangelogStream(Table table);
}
