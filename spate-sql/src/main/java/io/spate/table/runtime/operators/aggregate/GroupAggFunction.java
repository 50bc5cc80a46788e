package io.spate.table.runtime.operators.aggregate;

import io.spate.api.annotation.Internal;
import io.spate.api.functions.Collector;
import io.spate.api.functions.KeyedProcessFunction;
import io.spate.api.functions.OpenContext;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.api.typeinfo.RowTypeInfo;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.typeinfo.Types;
import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import io.spate.table.runtime.operators.StateRetention;
import java.util.Objects;

/**
 * A {@code GROUP BY} over a changelog, per key: inserts and update-afters add to the key's
 * accumulators, deletes and update-befores take back. The first row of a key emits an insert of
 * its result; a change emits the old result as an update-before and the new one as an
 * update-after (nothing if the result is unchanged); a key whose last row is taken back emits a
 * delete of its last result and leaves no state.
 */
@Internal
public final class GroupAggFunction extends KeyedProcessFunction<Row, Row, Row> {

  private static final long serialVersionUID = 1L;

  private final int[] keyFields;
  private final AggFunction[] aggs;
  private final long stateRetentionMillis;
  private transient ValueState<Row> accumulators;

  /**
   * Aggregates {@code aggs} per key; output rows are the key's fields ({@code keyFields} of the input),
   * then the aggregates. A key without input for {@code stateRetentionMillis} (0: for ever) starts
   * afresh.
   */
  public GroupAggFunction(int[] keyFields, AggFunction[] aggs, long stateRetentionMillis) {
    this.keyFields = keyFields;
    this.aggs = aggs;
    this.stateRetentionMillis = stateRetentionMillis;
  }

  @Override
  public void open(OpenContext context) {
    // The accumulators, then how many rows the key holds.
    TypeInformation<?>[] types = new TypeInformation<?>[aggs.length + 1];
    for (int i = 0; i < aggs.length; i++) {
      types[i] = aggs[i].accumulatorType();
    }
    types[aggs.length] = Types.LONG;
    accumulators = getRuntimeContext().getState(StateRetention.apply(
        new ValueStateDescriptor<>("accumulators", new RowTypeInfo(types)), stateRetentionMillis));
  }

  @Override
  public void processElement(Row input, Context ctx, Collector<Row> out) throws Exception {
    Row accs = accumulators.value();
    boolean adds = input.getKind() == RowKind.INSERT || input.getKind() == RowKind.UPDATE_AFTER;
    if (accs == null) {
      if (!adds) {
        return; // a retraction of a row this key no longer holds (its state expired)
      }
      accs = new Row(aggs.length + 1);
      for (int i = 0; i < aggs.length; i++) {
        accs.setField(i, aggs[i].createAccumulator());
      }
      accs.setField(aggs.length, 0L);
    }
    long rows = (Long) accs.getField(aggs.length);
    Row before = rows == 0 ? null : result(input, accs);
    for (int i = 0; i < aggs.length; i++) {
      accs.setField(i, adds ? aggs[i].accumulate(accs.getField(i), input) : aggs[i].retract(accs.getField(i), input));
    }
    rows += adds ? 1 : -1;
    accs.setField(aggs.length, rows);
    if (rows <= 0) {
      accumulators.clear();
      if (before != null) {
        before.setKind(RowKind.DELETE);
        out.collect(before);
      }
      return;
    }
    accumulators.update(accs);
    Row after = result(input, accs);
    if (before == null) {
      out.collect(after);
    } else if (!sameFields(before, after)) {
      before.setKind(RowKind.UPDATE_BEFORE);
      out.collect(before);
      after.setKind(RowKind.UPDATE_AFTER);
      out.collect(after);
    }
  }

  private Row result(Row input, Row accs) {
    Row result = new Row(keyFields.length + aggs.length);
    for (int i = 0; i < keyFields.length; i++) {
      result.setField(i, input.getField(keyFields[i]));
    }
    for (int i = 0; i < aggs.length; i++) {
      result.setField(keyFields.length + i, aggs[i].getValue(accs.getField(i)));
    }
    return result;
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
