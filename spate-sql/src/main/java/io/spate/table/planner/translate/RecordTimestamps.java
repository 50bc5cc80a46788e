package io.spate.table.planner.translate;

import io.spate.api.annotation.Internal;
import io.spate.api.datastream.DataStream;
import io.spate.api.types.Row;
import io.spate.table.api.ValidationException;
import io.spate.table.runtime.operators.RowtimeRecordTimestamps;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.calcite.rel.RelNode;

/**
 * The stream record timestamps of a query's result that becomes a DataStream: its one event-time
 * attribute, as in Flink; a result with several must keep one (the others cast to a plain TIMESTAMP).
 */
@Internal
public final class RecordTimestamps {

  private RecordTimestamps() {}

  /** The field of {@code plan}'s rows that is its event-time attribute, or -1 if it has none. */
  public static int rowtimeField(RelNode plan) {
    Set<Integer> fields = new TreeSet<>(TimeAttributes.of(plan));
    if (fields.size() > 1) {
      List<String> names = plan.getRowType().getFieldNames();
      throw new ValidationException("The query's result has more than one rowtime attribute: "
          + fields.stream().map(names::get).toList() + "; a DataStream record has one timestamp: keep one and CAST the"
          + " others to TIMESTAMP(3)");
    }
    return fields.isEmpty() ? -1 : fields.iterator().next();
  }

  /** {@code rows}, the rows of {@code plan}, with their rowtime as their records' timestamps. */
  public static DataStream<Row> apply(DataStream<Row> rows, RelNode plan) {
    int field = rowtimeField(plan);
    if (field < 0) {
      return rows;
    }
    return rows.transform("Record timestamps from " + plan.getRowType().getFieldNames().get(field), rows.getType(),
        new RowtimeRecordTimestamps(field));
  }
}
