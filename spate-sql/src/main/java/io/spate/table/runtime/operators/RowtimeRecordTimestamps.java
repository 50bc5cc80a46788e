package io.spate.table.runtime.operators;

import io.spate.api.annotation.Internal;
import io.spate.api.operators.AbstractStreamOperator;
import io.spate.api.operators.OneInputStreamOperator;
import io.spate.api.types.Row;
import io.spate.table.runtime.expr.EpochMillis;

/**
 * Gives each row of a query's result its rowtime column as the stream record's timestamp, as Flink
 * does when a table becomes a DataStream; watermarks pass on unchanged. A row whose rowtime is NULL
 * keeps the timestamp it had.
 */
@Internal
public final class RowtimeRecordTimestamps extends AbstractStreamOperator<Row> implements OneInputStreamOperator<Row, Row> {

  private static final long serialVersionUID = 1L;

  private final int rowtimeIndex;

  /** Timestamps from field {@code rowtimeIndex}. */
  public RowtimeRecordTimestamps(int rowtimeIndex) {
    this.rowtimeIndex = rowtimeIndex;
  }

  @Override
  public void processElement(Row row, long timestamp) {
    Object rowtime = row.getField(rowtimeIndex);
    output.collect(row, rowtime == null ? timestamp : EpochMillis.of(rowtime));
  }
}
