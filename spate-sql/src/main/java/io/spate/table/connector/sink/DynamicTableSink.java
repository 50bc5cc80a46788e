package io.spate.table.connector.sink;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.DataStreamSink;
import io.spate.api.types.Row;
import io.spate.table.connector.ChangelogMode;

/**
 * A table's sink, made by a {@code DynamicTableSinkFactory} from the table's {@code WITH} options. It
 * takes {@link Row}s of the table's persisted columns, with their {@link io.spate.api.types.RowKind}.
 */
@PublicEvolving
public interface DynamicTableSink {

  /** The kinds of changes the sink takes, given those the query produces. */
  ChangelogMode getChangelogMode(ChangelogMode requestedMode);

  /** How the sink runs. */
  SinkRuntimeProvider getSinkRuntimeProvider(Context context);

  /** A short description for plans and messages, such as {@code print}. */
  String asSummaryString();

  /** What the planner tells the sink. */
  interface Context {
    /** Whether the query's input ends. */
    boolean isBounded();
  }

  /** How a sink runs: {@link SinkV2Provider} or {@link DataStreamSinkProvider}. */
  interface SinkRuntimeProvider {}

  /** A sink that builds its own end of the job. */
  interface DataStreamSinkProvider extends SinkRuntimeProvider {
    /** Consumes {@code rows}; {@code name} is the operator's name and uid prefix. */
    DataStreamSink<?> consumeDataStream(DataStream<Row> rows, String name);
  }
}
