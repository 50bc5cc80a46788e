package io.spate.table.api.bridge.java;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.types.Row;
import io.spate.table.api.EnvironmentSettings;
import io.spate.table.api.Schema;
import io.spate.table.api.Table;
import io.spate.table.api.TableEnvironment;
import io.spate.table.api.internal.StreamTableEnvironmentImpl;
import io.spate.table.connector.ChangelogMode;
import io.spate.table.expressions.Expression;
import io.spate.table.types.DataType;

/**
 * A {@link TableEnvironment} joined to a DataStream program: DataStreams become tables
 * ({@link #fromDataStream}, {@link #fromChangelogStream}, {@link #createTemporaryView(String, DataStream)})
 * and query results become DataStreams ({@link #toDataStream}, {@link #toChangelogStream}) of the
 * program's job, which {@code env.execute()} runs.
 */
@PublicEvolving
public interface StreamTableEnvironment extends TableEnvironment {

  /** A table environment whose conversions build into {@code env}'s job. */
  static StreamTableEnvironment create(StreamExecutionEnvironment env) {
    return StreamTableEnvironmentImpl.create(env);
  }

  /** A table environment with {@code settings} whose conversions build into {@code env}'s job. */
  static StreamTableEnvironment create(StreamExecutionEnvironment env, EnvironmentSettings settings) {
    return StreamTableEnvironmentImpl.create(env, settings);
  }

  /**
   * {@code stream} as a table: a stream of rows keeps its fields, of tuples {@code f0, f1, ...}, of POJOs or
   * records their fields, of any other type one column {@code f0}.
   */
  <T> Table fromDataStream(DataStream<T> stream);

  /**
   * {@code stream}, insert-only, as a table whose columns {@code schema} declares or adds to those of the
   * stream's type: physical columns (a subset of the type's fields, in any order, with narrower or wider
   * types), computed columns, the metadata column {@code rowtime} (the stream record's timestamp), a
   * watermark ({@code SOURCE_WATERMARK()} keeps the stream's own) and a primary key.
   */
  <T> Table fromDataStream(DataStream<T> stream, Schema schema);

  /** Registers {@code stream} as the temporary view {@code path}, with the columns {@link #fromDataStream} gives. */
  <T> void createTemporaryView(String path, DataStream<T> stream);

  /** Registers {@code stream} as the temporary view {@code path}, with the columns of {@link #fromDataStream(DataStream, Schema)}. */
  <T> void createTemporaryView(String path, DataStream<T> stream, Schema schema);

  /**
   * {@code stream} as a table with the columns {@code fields} name, as in Flink: field references
   * ({@code $("f0")}, renamed with {@code .as("name")}) picked by name, or, if no referenced name is a field
   * of the type (and it is not a POJO or record), renaming the type's fields by position; {@code
   * $("ts").rowtime()} is the stream record's timestamp as the rowtime attribute (appended, or replacing the
   * field {@code ts}), with the stream's watermarks; {@code $("pt").proctime()} appends a processing-time
   * attribute.
   */
  <T> Table fromDataStream(DataStream<T> stream, Expression... fields);

  /** Registers {@code stream} as the temporary view {@code path}, with the columns of {@link #fromDataStream(DataStream, Expression...)}. */
  <T> void createTemporaryView(String path, DataStream<T> stream, Expression... fields);

  /** A changelog of rows, each change its {@link io.spate.api.types.RowKind}, as a table; every kind may occur. */
  Table fromChangelogStream(DataStream<Row> stream);

  /** A changelog of rows as a table with the columns of {@code schema}, as {@link #fromDataStream(DataStream, Schema)}. */
  Table fromChangelogStream(DataStream<Row> stream, Schema schema);

  /**
   * A changelog of rows as a table of changes of {@code changelogMode}: {@link ChangelogMode#insertOnly()},
   * {@link ChangelogMode#upsert()} (by the schema's primary key, without update-before rows) or
   * {@link ChangelogMode#all()}.
   */
  Table fromChangelogStream(DataStream<Row> stream, Schema schema, ChangelogMode changelogMode);

  /**
   * The rows of {@code table}, an insert-only query, as a DataStream of the program's job; its rowtime
   * attribute becomes the records' timestamp and the watermarks pass on.
   */
  DataStream<Row> toDataStream(Table table);

  /**
   * The rows of {@code table}, an insert-only query, as records of {@code targetClass}: a POJO's or
   * record's fields take the columns of their names, a tuple's the columns in order, an atomic class the
   * one column.
   */
  <T> DataStream<T> toDataStream(Table table, Class<T> targetClass);

  /** The rows of {@code table} as records of the conversion class of {@code targetDataType}. */
  <T> DataStream<T> toDataStream(Table table, DataType targetDataType);

  /** The changes of {@code table}'s result, each row with its {@link io.spate.api.types.RowKind}. */
  DataStream<Row> toChangelogStream(Table table);

  /**
   * The changes of {@code table}'s result as rows of the physical columns {@code targetSchema} declares
   * (by name); its metadata column {@code rowtime} takes the table's rowtime attribute into the records'
   * timestamp instead of the row.
   */
  DataStream<Row> toChangelogStream(Table table, Schema targetSchema);

  /**
   * The changes of {@code table}'s result as {@link #toChangelogStream(Table, Schema)} gives them, of
   * {@code changelogMode}: {@link ChangelogMode#upsert()} drops the update-before rows; {@link
   * ChangelogMode#insertOnly()} takes an insert-only result only.
   */
  DataStream<Row> toChangelogStream(Table table, Schema targetSchema, ChangelogMode changelogMode);

  /**
   * A statement set whose inserts run as one job of their own ({@code execute()}) or join the program's
   * job ({@link StreamStatementSet#attachAsDataStream()}); they may read the program's DataStreams.
   */
  @Override
  StreamStatementSet createStatementSet();
}
