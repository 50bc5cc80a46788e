package io.spate.table.runtime.operators.aggregate;

import io.spate.api.annotation.Internal;
import io.spate.api.typeinfo.RowTypeInfo;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import java.io.Serializable;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The per-key work of a {@code GROUP BY} over a changelog, shared by the operator that handles each
 * row on its own and the mini-batch one that handles a key's rows together: the accumulators (the
 * aggregates' accumulators, then how many rows the key holds), how a row changes them, the result
 * row, and the changes that take the result from one value to the next.
 */
@Internal
public final class GroupAggregation implements Serializable {

  private static final long serialVersionUID = 1L;

  private final int[] keyFields;
  private final AggFunction[] aggs;
  private final EmptyAccumulators empty;

  /** Aggregates {@code aggs}; a result row is the key's fields ({@code keyFields} of the input), then the aggregates. */
  public GroupAggregation(int[] keyFields, AggFunction[] aggs) {
    this.keyFields = keyFields;
    this.aggs = aggs;
    this.empty = new EmptyAccumulators(aggs);
  }

  /**
   * The type of the row count after the accumulators (also in the rows a local phase of two-phase
   * aggregation emits): a {@code long[1]} that rows change in place.
   */
  public static final TypeInformation<?> ROW_COUNT_TYPE = AggFunctions.COUNTER_TYPE;

  /** The type of a key's accumulators, for state. */
  public RowTypeInfo accumulatorType() {
    TypeInformation<?>[] types = new TypeInformation<?>[aggs.length + 1];
    for (int i = 0; i < aggs.length; i++) {
      types[i] = aggs[i].accumulatorType();
    }
    types[aggs.length] = ROW_COUNT_TYPE;
    return new RowTypeInfo(types);
  }

  /**
   * The accumulators {@code accs} (null for a key without rows) after {@code input}, changed in place
   * where they exist; null when the key holds no rows afterwards. A retraction for a key without rows
   * (its state expired) changes nothing.
   */
  public Row apply(Row accs, Row input) {
    boolean adds = input.getKind() == RowKind.INSERT || input.getKind() == RowKind.UPDATE_AFTER;
    if (accs == null) {
      if (!adds) {
        return null;
      }
      accs = createAccumulators();
    }
    return fold(accs, input, adds) <= 0 ? null : accs;
  }

  /** Fresh accumulators of a key without rows: each aggregate's empty accumulator, then a row count of 0. */
  public Row createAccumulators() {
    Row accs = empty.create(1);
    accs.setField(aggs.length, new long[1]);
    return accs;
  }

  /**
   * {@code accs} (changed in place) after {@code input}, as the local phase of two-phase aggregation
   * folds rows: unlike {@link #apply}, the row count may go to 0 or below (a batch may take back rows
   * an earlier batch added) and the accumulators stay.
   */
  public Row fold(Row accs, Row input) {
    fold(accs, input, input.getKind() == RowKind.INSERT || input.getKind() == RowKind.UPDATE_AFTER);
    return accs;
  }

  /** Adds ({@code adds}) or takes back {@code input} in {@code accs}, in place; the row count afterwards. */
  private long fold(Row accs, Row input, boolean adds) {
    for (int i = 0; i < aggs.length; i++) {
      accs.setField(i, adds ? aggs[i].accumulate(accs.getField(i), input) : aggs[i].retract(accs.getField(i), input));
    }
    return rowCount(accs)[0] += adds ? 1 : -1;
  }

  private long[] rowCount(Row accs) {
    return (long[]) accs.getField(aggs.length);
  }

  /**
   * {@code accs} (changed in place) with the accumulators of {@code partial}, a local phase's row of
   * fields from {@code offset} on (each aggregate's accumulator, then the row count), merged in.
   */
  public Row merge(Row accs, Row partial, int offset) {
    for (int i = 0; i < aggs.length; i++) {
      accs.setField(i, aggs[i].merge(accs.getField(i), partial.getField(offset + i)));
    }
    rowCount(accs)[0] += ((long[]) partial.getField(offset + aggs.length))[0];
    return accs;
  }

  /** The number of rows {@code accs} holds (by the last accumulator). */
  public long rows(Row accs) {
    return rowCount(accs)[0];
  }

  /** The result row of a key (whose fields {@code keySource}, an input row of the key, holds) with {@code accs}. */
  public Row result(Row keySource, Row accs) {
    Row result = new Row(keyFields.length + aggs.length);
    for (int i = 0; i < keyFields.length; i++) {
      result.setField(i, keySource.getField(keyFields[i]));
    }
    for (int i = 0; i < aggs.length; i++) {
      result.setField(keyFields.length + i, aggs[i] instanceof SharedDistinctCount.Member member
          ? member.valueFrom(accs.getField(member.leader())) : aggs[i].getValue(accs.getField(i)));
    }
    return result;
  }

  /**
   * Emits the changes from the result {@code before} to {@code after} (either null where the key has no
   * result): an insert, a delete, an update-before and update-after pair, or nothing if they are equal.
   */
  public static void emitChange(Row before, Row after, Consumer<Row> out) {
    if (before == null) {
      if (after != null) {
        out.accept(after);
      }
    } else if (after == null) {
      before.setKind(RowKind.DELETE);
      out.accept(before);
    } else if (!sameFields(before, after)) {
      before.setKind(RowKind.UPDATE_BEFORE);
      out.accept(before);
      after.setKind(RowKind.UPDATE_AFTER);
      out.accept(after);
    }
  }

  private static boolean sameFields(Row a, Row b) {
    for (int i = 0; i < a.getArity(); i++) {
      if (!Objects.deepEquals(a.getField(i), b.getField(i))) {
        return false;
      }
    }
    return true;
  }
}
