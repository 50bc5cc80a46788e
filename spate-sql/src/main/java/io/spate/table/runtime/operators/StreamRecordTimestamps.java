package io.spate.table.runtime.operators;

import io.spate.api.annotation.Internal;
import io.spate.api.functions.Collector;
import io.spate.api.functions.ProcessFunction;
import io.spate.api.types.Row;
import io.spate.table.runtime.expr.LastTimestamp;
import java.time.Instant;
import java.time.LocalDateTime;

/**
 * Appends each stream record's timestamp to its row, as a {@code TIMESTAMP_LTZ(3)} ({@link Instant})
 * or a {@code TIMESTAMP(3)} in UTC ({@link LocalDateTime}): the {@code rowtime} metadata column of a
 * table made of a DataStream. The row's kind is kept; records of one millisecond share its value.
 */
@Internal
public final class StreamRecordTimestamps extends ProcessFunction<Row, Row> {

  private static final long serialVersionUID = 1L;

  private final boolean localZoned;
  private transient LastTimestamp times;

  /** Appends {@link Instant}s if {@code localZoned}, else {@link LocalDateTime}s in UTC. */
  public StreamRecordTimestamps(boolean localZoned) {
    this.localZoned = localZoned;
  }

  @Override
  public void processElement(Row value, Context ctx, Collector<Row> out) {
    Long timestamp = ctx.timestamp();
    if (timestamp == null) {
      throw new IllegalStateException("A record of the DataStream has no timestamp, but its table reads the metadata"
          + " column 'rowtime'; give the stream timestamps with assignTimestampsAndWatermarks before converting it"
          + " (row " + value + ")");
    }
    Row row = new Row(value.getKind(), value.getArity() + 1);
    for (int i = 0; i < value.getArity(); i++) {
      row.setField(i, value.getField(i));
    }
    if (times == null) {
      times = new LastTimestamp();
    }
    row.setField(value.getArity(), times.toTime(timestamp, !localZoned));
    out.collect(row);
  }
}
