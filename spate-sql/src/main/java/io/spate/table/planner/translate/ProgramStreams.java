package io.spate.table.planner.translate;

import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.types.Row;

/**
 * A program's DataStream read by a SQL job of its own ({@code executeSql}, {@code execute()}, a statement
 * set), as in Flink: the job runs the same transformations that lead to the stream, upstream of the
 * query's operators. They stay the program's too, so its own {@code env.execute()} runs them again.
 */
final class ProgramStreams {

  private ProgramStreams() {}

  /** {@code stream} as a stream of {@code env}'s job: the same transformations, where the query's are built. */
  static DataStream<Row> inJobOf(StreamExecutionEnvironment env, DataStream<Row> stream) {
    if (stream.getExecutionEnvironment() == env) {
      return stream;
    }
    return new DataStream<>(env, stream.getTransformation());
  }
}
