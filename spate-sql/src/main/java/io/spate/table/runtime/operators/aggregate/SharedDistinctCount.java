package io.spate.table.runtime.operators.aggregate;

import io.spate.api.annotation.Internal;
import io.spate.api.typeinfo.RowTypeInfo;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.typeinfo.Types;
import io.spate.api.types.Row;
import java.util.HashMap;
import java.util.Map;

/**
 * Several {@code COUNT(DISTINCT x)} of one argument under different {@code FILTER}s (as Nexmark's q15
 * counts distinct bidders in total and per price range), counted with one map of the argument's
 * values: each value holds one count per aggregate, so a row looks its value up once for all of them
 * where a map per aggregate looks it up once per aggregate, and the values are kept once. This
 * function is the group's first aggregate and holds the map; the others are {@link Member}s that read
 * their counts from it (a {@link GroupAggregation} hands them this function's accumulator). Integer
 * values are counted in a table of primitive longs ({@link DistinctLongCounts}), or over an
 * insert-only input in one that keeps a bit per aggregate instead of a count ({@link DistinctLongSet}),
 * others in a map.
 */
@Internal
public final class SharedDistinctCount implements AggFunction {

  private static final long serialVersionUID = 1L;

  private final int field;
  private final int[] filters;
  private final TypeInformation<?> valueType;
  private final boolean integral;
  // Integer values of an insert-only input: a bit per aggregate and value, not a count.
  private final boolean valueBits;

  /**
   * Distinct counts of the input's {@code field} (of {@code valueType}), one per entry of {@code filters}:
   * the field whose TRUE admits a row into that count, or -1 for every row; rows may be taken back.
   */
  public SharedDistinctCount(int field, int[] filters, TypeInformation<?> valueType) {
    this(field, filters, valueType, false);
  }

  /**
   * As {@link #SharedDistinctCount(int, int[], TypeInformation)}; with {@code insertOnly}, over an input
   * that never takes a row back (a retraction then fails), which lets integer values be kept without counts.
   */
  public SharedDistinctCount(int field, int[] filters, TypeInformation<?> valueType, boolean insertOnly) {
    this.field = field;
    this.filters = filters.clone();
    this.valueType = valueType;
    this.integral = DistinctLongCounts.counts(valueType);
    this.valueBits = insertOnly && integral && filters.length <= DistinctLongSet.MAX_WIDTH;
  }

  /**
   * Whether values of {@code valueType} are counted without boxing, which makes this function worth
   * using for a single {@code COUNT(DISTINCT)} too.
   */
  public static boolean countsUnboxed(TypeInformation<?> valueType) {
    return DistinctLongCounts.counts(valueType);
  }

  @Override
  public TypeInformation<?> accumulatorType() {
    if (valueBits) {
      return DistinctLongSet.type();
    }
    if (integral) {
      return DistinctLongCounts.type();
    }
    return new RowTypeInfo(Types.MAP(valueType, Types.PRIMITIVE_ARRAY(Types.LONG)), Types.PRIMITIVE_ARRAY(Types.LONG));
  }

  @Override
  public Object createAccumulator() {
    if (valueBits) {
      return DistinctLongSet.create(filters.length);
    }
    if (integral) {
      return DistinctLongCounts.create(filters.length);
    }
    return Row.of(new HashMap<Object, long[]>(), new long[filters.length]);
  }

  @Override
  public Object accumulate(Object acc, Row input) {
    return update((Row) acc, input, 1);
  }

  @Override
  public Object retract(Object acc, Row input) {
    return update((Row) acc, input, -1);
  }

  @Override
  public Object getValue(Object acc) {
    return valueOf(acc, 0);
  }

  /** The distinct count of aggregate {@code member} of the group (0 is this function's own). */
  long valueOf(Object acc, int member) {
    return totals((Row) acc)[member];
  }

  private long[] totals(Row acc) {
    return valueBits ? DistinctLongSet.totals(acc) : integral ? DistinctLongCounts.totals(acc)
        : (long[]) acc.getField(1);
  }

  /**
   * A value enters an aggregate's count when its count for that aggregate turns positive and leaves
   * it when the count stops being positive, as in {@link DistinctAggFunction}; NULL counts for none.
   */
  private Row update(Row acc, Row input, int sign) {
    if (valueBits) {
      return add(acc, input, sign);
    }
    Object value = input.getField(field);
    if (value == null || !admitsAny(input)) {
      return acc;
    }
    if (integral) {
      long number = ((Number) value).longValue();
      int slot = DistinctLongCounts.slot(acc, number, filters.length);
      if (change(DistinctLongCounts.slotCounts(acc), slot * filters.length, totals(acc), input, sign)) {
        DistinctLongCounts.removeIfUnused(acc, slot, filters.length);
      }
      return acc;
    }
    @SuppressWarnings("unchecked")
    Map<Object, long[]> counts = (Map<Object, long[]>) acc.getField(0);
    long[] count = counts.get(value);
    if (count == null) {
      count = new long[filters.length];
      counts.put(value, count);
    }
    if (change(count, 0, totals(acc), input, sign)) {
      counts.remove(value);
    }
    return acc;
  }

  /** {@code input} counted in a {@link DistinctLongSet}, whose values stay once counted. */
  private Row add(Row acc, Row input, int sign) {
    if (sign < 0) {
      throw new IllegalStateException("COUNT(DISTINCT) over an insert-only input got a retraction: " + input);
    }
    Object value = input.getField(field);
    if (value == null) {
      return acc;
    }
    long admitted = 0;
    for (int i = 0; i < filters.length; i++) {
      if (admits(input, i)) {
        admitted |= 1L << i;
      }
    }
    if (admitted != 0) {
      DistinctLongSet.add(acc, ((Number) value).longValue(), admitted);
    }
    return acc;
  }

  /**
   * Moves the counts {@code counts[offset..]} of a row's value by {@code sign} for each aggregate that
   * admits {@code input}, and the aggregates' distinct counts {@code totals} with them; whether all
   * the value's counts are 0 afterwards.
   */
  private boolean change(long[] counts, int offset, long[] totals, Row input, int sign) {
    boolean empty = true;
    for (int i = 0; i < filters.length; i++) {
      if (admits(input, i)) {
        long before = counts[offset + i];
        long after = before + sign;
        counts[offset + i] = after;
        if (before <= 0 && after > 0) {
          totals[i]++;
        } else if (before > 0 && after <= 0) {
          totals[i]--;
        }
      }
      empty &= counts[offset + i] == 0;
    }
    return empty;
  }

  private boolean admitsAny(Row input) {
    for (int i = 0; i < filters.length; i++) {
      if (admits(input, i)) {
        return true;
      }
    }
    return false;
  }

  private boolean admits(Row input, int member) {
    return filters[member] < 0 || Boolean.TRUE.equals(input.getField(filters[member]));
  }

  /** Another aggregate of a {@link SharedDistinctCount}'s group: its count is in the group's accumulator. */
  @Internal
  public static final class Member implements AggFunction {

    private static final long serialVersionUID = 1L;

    private final int leader;
    private final int member;
    private final SharedDistinctCount group;

    /** Aggregate {@code member} of {@code group}, whose accumulator is the aggregation's {@code leader}-th. */
    public Member(int leader, int member, SharedDistinctCount group) {
      this.leader = leader;
      this.member = member;
      this.group = group;
    }

    /** Which of the aggregation's accumulators holds this aggregate's count. */
    public int leader() {
      return leader;
    }

    /** The count in the group's accumulator {@code groupAcc}. */
    public Object valueFrom(Object groupAcc) {
      return group.valueOf(groupAcc, member);
    }

    @Override
    public TypeInformation<?> accumulatorType() {
      return Types.LONG;
    }

    @Override
    public Object createAccumulator() {
      return 0L; // the counts live in the group's accumulator
    }

    @Override
    public Object accumulate(Object acc, Row input) {
      return acc;
    }

    @Override
    public Object retract(Object acc, Row input) {
      return acc;
    }

    @Override
    public Object getValue(Object acc) {
      throw new IllegalStateException("A shared distinct count reads the group's accumulator, not its own");
    }
  }
}
