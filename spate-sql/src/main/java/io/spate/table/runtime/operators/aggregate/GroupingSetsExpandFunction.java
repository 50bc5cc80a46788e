package io.spate.table.runtime.operators.aggregate;

import io.spate.api.annotation.Internal;
import io.spate.api.functions.Collector;
import io.spate.api.functions.FlatMapFunction;
import io.spate.api.types.Row;

/**
 * The expansion below the aggregate of {@code GROUPING SETS}, {@code ROLLUP} or {@code CUBE}: each row
 * once per grouping set, with the row's fields, a copy of each group column that some set leaves out
 * (NULL where the set leaves it out) and the set's grouping id. The original fields stay as they are, so
 * that aggregates of a group column still see its values in the sets that do not group by it.
 */
@Internal
public final class GroupingSetsExpandFunction implements FlatMapFunction<Row, Row> {

  private static final long serialVersionUID = 1L;

  private final int[] copied;
  private final boolean[][] keeps;
  private final long[] ids;

  /**
   * Rows expanded once per set: set {@code s} copies field {@code copied[i]} where {@code keeps[s][i]}
   * (NULL otherwise) and has the grouping id {@code ids[s]}.
   */
  public GroupingSetsExpandFunction(int[] copied, boolean[][] keeps, long[] ids) {
    if (keeps.length != ids.length) {
      throw new IllegalArgumentException(keeps.length + " grouping sets but " + ids.length + " ids");
    }
    for (boolean[] set : keeps) {
      if (set.length != copied.length) {
        throw new IllegalArgumentException("A grouping set says of " + set.length + " fields whether it keeps them,"
            + " not of " + copied.length);
      }
    }
    this.copied = copied.clone();
    this.keeps = new boolean[keeps.length][];
    for (int set = 0; set < keeps.length; set++) {
      this.keeps[set] = keeps[set].clone();
    }
    this.ids = ids.clone();
  }

  @Override
  public void flatMap(Row input, Collector<Row> out) {
    int arity = input.getArity();
    for (int set = 0; set < ids.length; set++) {
      Row row = new Row(input.getKind(), arity + copied.length + 1);
      for (int i = 0; i < arity; i++) {
        row.setField(i, input.getField(i));
      }
      boolean[] kept = keeps[set];
      for (int i = 0; i < copied.length; i++) {
        row.setField(arity + i, kept[i] ? input.getField(copied[i]) : null);
      }
      row.setField(arity + copied.length, ids[set]);
      out.collect(row);
    }
  }
}
