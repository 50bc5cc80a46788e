package io.spate.table.client;

import io.spate.api.annotation.Internal;
import io.spate.api.configuration.CoreOptions;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.types.Row;
import io.spate.table.api.Table;
import io.spate.table.api.bridge.java.StreamTableEnvironment;
import io.spate.table.catalog.ResolvedSchema;
import io.spate.table.types.logical.RowType;

/**
 * The program that the SQL client ({@code ./spate sql -m host:port}) has a session cluster run for
 * a query: it replays the session's statements (DDL, SET, USE) in a fresh session, plans the query,
 * and starts its job with a {@link ResultSocketSink} that sends the rows back to the client. The
 * arguments are the client's host, port and token, then one statement each, the query last.
 */
@Internal
public final class SqlQueryProgram {

  private SqlQueryProgram() {}

  /** Runs the session's statements, then starts the query's job. */
  public static void main(String[] args) throws Exception {
    if (args.length < 4) {
      throw new IllegalArgumentException("SqlQueryProgram: expected <host> <port> <token> [statement...] <query>");
    }
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    StreamTableEnvironment session = StreamTableEnvironment.create(env);
    for (int i = 3; i < args.length - 1; i++) {
      session.executeSql(args[i]);
    }
    // The session's SET options (parallelism, checkpointing, ...) apply to the query's job, as in the client.
    env.configure(session.getConfig().getConfiguration());
    session.getConfig().getConfiguration().getOptional(CoreOptions.DEFAULT_PARALLELISM).ifPresent(env::setParallelism);
    Table query = session.sqlQuery(args[args.length - 1]);
    RowType rowType = rowType(query.getResolvedSchema());
    DataStream<Row> rows = session.toChangelogStream(query);
    rows.sinkTo(new ResultSocketSink(args[0], Integer.parseInt(args[1]), args[2], rowType)).name("Collect Sink")
        .setParallelism(1);
    env.executeAsync("collect");
  }

  /** The row type of the query's result, which the client's {@link ResultSocketServer} reads too. */
  public static RowType rowType(ResolvedSchema schema) {
    return RowType.of(schema.getColumnTypes().toArray(new io.spate.table.types.logical.LogicalType[0]),
        schema.getColumnNames().toArray(new String[0]));
  }
}
