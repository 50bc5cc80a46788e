package io.spate.table.runtime.operators.aggregate;

import io.spate.api.annotation.Internal;
import io.spate.api.typeinfo.RowTypeInfo;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.typeinfo.Types;
import io.spate.api.types.Row;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code AGG(DISTINCT args)}: the aggregate {@code inner} over the distinct values of its arguments.
 * The accumulator counts how often each value occurs; {@code inner} sees a value when its count goes
 * from 0 to 1 and takes it back when the count returns to 0. Rows whose filter is not true, or with a
 * NULL argument, are skipped, as SQL's DISTINCT aggregates do.
 */
@Internal
public final class DistinctAggFunction implements AggFunction {

  private static final long serialVersionUID = 1L;

  private final AggFunction inner;
  private final int[] fields;
  private final int filter;
  private final TypeInformation<?> valueType;

  /**
   * {@code inner} (which reads its arguments from the input row itself and has no filter of its own)
   * over distinct values of the input's {@code fields} (one value of {@code valueType}, or a row of
   * them for several fields), counting rows whose field {@code filter} is true (-1: all rows).
   */
  public DistinctAggFunction(AggFunction inner, int[] fields, int filter, TypeInformation<?> valueType) {
    this.inner = inner;
    this.fields = fields;
    this.filter = filter;
    this.valueType = valueType;
  }

  @Override
  public TypeInformation<?> accumulatorType() {
    return new RowTypeInfo(Types.MAP(valueType, Types.LONG), inner.accumulatorType());
  }

  @Override
  public Object createAccumulator() {
    return Row.of(new HashMap<Object, Long>(), inner.createAccumulator());
  }

  @Override
  public Object accumulate(Object acc, Row input) {
    return update((Row) acc, input, 1);
  }

  @Override
  public Object retract(Object acc, Row input) {
    return update((Row) acc, input, -1);
  }

  private Row update(Row acc, Row input, int sign) {
    if (filter >= 0 && !Boolean.TRUE.equals(input.getField(filter))) {
      return acc;
    }
    Object value = value(input);
    if (value == null) {
      return acc;
    }
    long before = counts(acc).getOrDefault(value, 0L);
    count(acc, value, before, before + sign, input);
    return acc;
  }

  /**
   * Sets {@code value}'s count from {@code before} to {@code after} (0 removes it; a negative count
   * stays, as a local accumulator of two-phase aggregation may see a value taken back that it never
   * saw added); {@code inner} sees the value enter when its count turns positive and leave when it
   * stops being positive, with {@code input} (a row holding the value in the arguments' fields).
   */
  private void count(Row acc, Object value, long before, long after, Row input) {
    Map<Object, Long> counts = counts(acc);
    if (after == 0) {
      counts.remove(value);
    } else {
      counts.put(value, after);
    }
    if (before <= 0 && after > 0) {
      acc.setField(1, inner.accumulate(acc.getField(1), input));
    } else if (before > 0 && after <= 0) {
      acc.setField(1, inner.retract(acc.getField(1), input));
    }
  }

  @Override
  public boolean canMerge() {
    return true;
  }

  /**
   * Adds {@code other}'s counts to {@code acc}'s; {@code inner} sees the values whose count turns
   * positive or stops being positive, so it needs no merge of its own.
   */
  @Override
  public Object merge(Object acc, Object other) {
    Row merged = (Row) acc;
    Map<Object, Long> counts = counts(merged);
    for (Map.Entry<Object, Long> entry : counts((Row) other).entrySet()) {
      long before = counts.getOrDefault(entry.getKey(), 0L);
      count(merged, entry.getKey(), before, before + entry.getValue(), rowHolding(entry.getKey()));
    }
    return merged;
  }

  /** A row with {@code value} (one argument, or a row of them) in the arguments' fields, for {@code inner}. */
  private Row rowHolding(Object value) {
    int arity = 0;
    for (int field : fields) {
      arity = Math.max(arity, field + 1);
    }
    Row row = new Row(arity);
    if (fields.length == 1) {
      row.setField(fields[0], value);
    } else {
      Row values = (Row) value;
      for (int i = 0; i < fields.length; i++) {
        row.setField(fields[i], values.getField(i));
      }
    }
    return row;
  }

  /** The distinct value of {@code input}: its one argument, or a row of them; null if one is NULL. */
  private Object value(Row input) {
    if (fields.length == 1) {
      return input.getField(fields[0]);
    }
    Row value = new Row(fields.length);
    for (int i = 0; i < fields.length; i++) {
      Object field = input.getField(fields[i]);
      if (field == null) {
        return null;
      }
      value.setField(i, field);
    }
    return value;
  }

  @SuppressWarnings("unchecked")
  private static Map<Object, Long> counts(Row acc) {
    return (Map<Object, Long>) acc.getField(0);
  }

  @Override
  public Object getValue(Object acc) {
    return inner.getValue(((Row) acc).getField(1));
  }
}
