package io.spate.table.runtime.operators.sort;

import io.spate.api.annotation.Internal;
import io.spate.api.functions.Collector;
import io.spate.api.functions.KeyedProcessFunction;
import io.spate.api.functions.OpenContext;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.api.typeinfo.Types;
import io.spate.api.types.Row;
import io.spate.api.types.RowKind;

/**
 * {@code LIMIT n} (and {@code OFFSET m}) without {@code ORDER BY}, over inserts: passes on the rows
 * from the {@code offset + 1}-th to the {@code offset + fetch}-th it sees and drops the others, so
 * its result has inserts only.
 */
@Internal
public final class LimitFunction extends KeyedProcessFunction<Object, Row, Row> {

  private static final long serialVersionUID = 1L;

  private final long offset;
  private final long fetch;
  private transient ValueState<Long> seen;

  /** Passes on rows {@code offset + 1} to {@code offset + fetch}. */
  public LimitFunction(long offset, long fetch) {
    this.offset = offset;
    this.fetch = fetch;
  }

  @Override
  public void open(OpenContext context) {
    seen = getRuntimeContext().getState(new ValueStateDescriptor<>("limit-rows-seen", Types.LONG));
  }

  @Override
  public void processElement(Row input, Context ctx, Collector<Row> out) throws Exception {
    if (input.getKind() != RowKind.INSERT) {
      throw new IllegalStateException("LIMIT without ORDER BY takes inserts only, not " + input);
    }
    Long before = seen.value();
    long count = before == null ? 0 : before;
    if (count >= offset + fetch) {
      return;
    }
    seen.update(count + 1);
    if (count >= offset) {
      out.collect(input);
    }
  }
}
