package io.spate.table.connector.source;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.types.Row;
import io.spate.table.connector.ChangelogMode;

/**
 * A source that reads all of its table's rows (bounded) or keeps reading (unbounded). Spate's table
 * sources produce {@link Row}s of the table's physical columns, in order (or of the fields of a
 * projection, see {@code SupportsProjectionPushDown}), where Flink's produce its internal {@code RowData}.
 */
@PublicEvolving
public interface ScanTableSource extends DynamicTableSource {

  /** The kinds of changes the source produces. */
  ChangelogMode getChangelogMode();

  /** How the source runs. */
  ScanRuntimeProvider getScanRuntimeProvider(ScanContext context);

  /** What the planner tells the source. */
  interface ScanContext {}

  /** How a source runs: {@link SourceProvider} or {@link DataStreamScanProvider}. */
  interface ScanRuntimeProvider {
    /** Whether the source ends. */
    boolean isBounded();
  }

  /** A source that builds its own part of the job. */
  interface DataStreamScanProvider extends ScanRuntimeProvider {
    /** The stream of the table's rows, added to {@code env}; {@code name} is the operator's name and uid prefix. */
    DataStream<Row> produceDataStream(StreamExecutionEnvironment env, String name);
  }
}
