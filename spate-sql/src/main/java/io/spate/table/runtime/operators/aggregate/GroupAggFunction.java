package io.spate.table.runtime.operators.aggregate;

import io.spate.api.annotation.Internal;
import io.spate.api.functions.Collector;
import io.spate.api.functions.KeyedProcessFunction;
import io.spate.api.functions.OpenContext;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.api.types.Row;
import io.spate.table.runtime.operators.StateRetention;

/**
 * A {@code GROUP BY} over a changelog, per key: inserts and update-afters add to the key's
 * accumulators, deletes and update-befores take back. The first row of a key emits an insert of
 * its result; a change emits the old result as an update-before and the new one as an
 * update-after (nothing if the result is unchanged); a key whose last row is taken back emits a
 * delete of its last result and leaves no state.
 */
@Internal
public final class GroupAggFunction extends KeyedProcessFunction<Object, Row, Row> {

  private static final long serialVersionUID = 1L;

  private final GroupAggregation aggregation;
  private final long stateRetentionMillis;
  private transient ValueState<Row> accumulators;

  /**
   * Aggregates {@code aggs} per key; output rows are the key's fields ({@code keyFields} of the input),
   * then the aggregates. A key without input for {@code stateRetentionMillis} (0: for ever) starts
   * afresh.
   */
  public GroupAggFunction(int[] keyFields, AggFunction[] aggs, long stateRetentionMillis) {
    this.aggregation = new GroupAggregation(keyFields, aggs);
    this.stateRetentionMillis = stateRetentionMillis;
  }

  @Override
  public void open(OpenContext context) {
    accumulators = getRuntimeContext().getState(StateRetention.apply(
        new ValueStateDescriptor<>("accumulators", aggregation.accumulatorType()), stateRetentionMillis));
  }

  @Override
  public void processElement(Row input, Context ctx, Collector<Row> out) throws Exception {
    Row accs = accumulators.value();
    Row before = accs == null ? null : aggregation.result(input, accs);
    accs = aggregation.apply(accs, input);
    if (accs == null) {
      accumulators.clear();
    } else {
      accumulators.update(accs);
    }
    GroupAggregation.emitChange(before, accs == null ? null : aggregation.result(input, accs), out::collect);
  }
}
