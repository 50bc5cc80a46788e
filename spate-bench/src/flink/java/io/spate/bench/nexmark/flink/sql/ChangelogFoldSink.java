package io.spate.bench.nexmark.flink.sql;

import io.spate.bench.nexmark.NexmarkQueries;
import io.spate.bench.nexmark.ResultFold;
import io.spate.bench.nexmark.ResultSummary;
import io.spate.bench.nexmark.sql.ChangelogFold;
import io.spate.bench.nexmark.sql.FlatRecords;
import io.spate.bench.nexmark.sql.NexmarkSqlQueries;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.sink.RichSinkFunction;
import org.apache.flink.types.Row;
import org.apache.flink.types.RowKind;

/**
 * Folds the changes of a Nexmark query's SQL result on Flink as Spate's SQL sink does: each row goes
 * into a {@link ChangelogFold} by the canonical hash of the DataStream version's record, computed from
 * its columns without building the record ({@link FlatRecords#hash}), or, for q12, becomes that record
 * ({@link FlatRecords#build}) for the query's own fold; the summary is published as the accumulators
 * {@link #COUNT} and {@link #CHECKSUM}, which add up over parallel subtasks.
 */
public final class ChangelogFoldSink extends RichSinkFunction<Row> {

  private static final long serialVersionUID = 1L;

  /** The accumulator of the result's row count. */
  public static final String COUNT = "resultCount";
  /** The accumulator of the result's checksum. */
  public static final String CHECKSUM = "resultChecksum";

  private static final FlatRecords.Columns<Row> COLUMNS = Row::getField;

  private final String query;
  private transient FlatRecords<?> records;
  private transient ChangelogFold changes;
  private transient ResultFold<Object> own;
  private transient LongCounter count;
  private transient LongCounter checksum;

  /** The sink of query {@code query}. */
  public ChangelogFoldSink(String query) {
    this.query = query;
  }

  @Override
  public void open(OpenContext openContext) {
    records = FlatRecords.of(NexmarkSqlQueries.recordType(query));
    if (NexmarkSqlQueries.foldedByQuery(query)) {
      own = NexmarkQueries.named(query).newFold(false);
    } else {
      changes = new ChangelogFold(false);
    }
    count = getRuntimeContext().getLongCounter(COUNT);
    checksum = getRuntimeContext().getLongCounter(CHECKSUM);
  }

  @Override
  public void invoke(Row row, Context context) {
    if (row.getArity() != records.columns()) {
      throw new IllegalStateException("Nexmark " + query + " in Flink SQL gives rows of " + row.getArity()
          + " columns, but its DataStream version's rows have " + records.columns());
    }
    RowKind kind = row.getKind();
    if (own != null) {
      if (kind != RowKind.INSERT) {
        throw new IllegalStateException("Nexmark " + query + " in SQL must be insert-only, but gave " + kind);
      }
      own.add(records.build(row::getField));
    } else if (kind == RowKind.INSERT || kind == RowKind.UPDATE_AFTER) {
      changes.insertHashed(records.hash(row, COLUMNS));
    } else {
      changes.retractHashed(records.hash(row, COLUMNS));
    }
  }

  @Override
  public void finish() {
    ResultSummary summary = own != null ? own.summary() : changes.summary();
    count.add(summary.count());
    checksum.add(summary.checksum());
  }
}
