package io.spate.table.runtime.operators.aggregate;

import io.spate.api.annotation.Internal;
import io.spate.api.typeinfo.RowTypeInfo;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.typeinfo.Types;
import io.spate.api.types.Row;
import io.spate.table.runtime.expr.Comparisons;
import io.spate.table.runtime.expr.Numbers;
import io.spate.table.runtime.expr.ValueType;
import java.util.HashMap;
import java.util.Map;

/**
 * The built-in aggregates. Each reads one input field ({@code -1} for {@code COUNT(*)}), skips NULL
 * values, and honours a {@code FILTER (WHERE ...)} given as a boolean input field ({@code -1}: none).
 */
@Internal
public final class AggFunctions {

  private AggFunctions() {}

  /** The accumulator of a count: a {@code long[1]} that rows change in place, so counting boxes nothing. */
  static final TypeInformation<?> COUNTER_TYPE = Types.PRIMITIVE_ARRAY(Types.LONG);

  /** {@code COUNT(*)} ({@code field} -1) or {@code COUNT(field)}. */
  public static AggFunction count(int field, int filter) {
    return new Base(field, filter) {
      @Override
      public TypeInformation<?> accumulatorType() {
        return COUNTER_TYPE;
      }

      @Override
      public Object createAccumulator() {
        return new long[1];
      }

      @Override
      public boolean emptyAccumulatorIsConstant() {
        return true;
      }

      @Override
      Object add(Object acc, Object value, int sign) {
        ((long[]) acc)[0] += sign;
        return acc;
      }

      @Override
      public Object merge(Object acc, Object other) {
        ((long[]) acc)[0] += ((long[]) other)[0];
        return acc;
      }

      @Override
      public Object getValue(Object acc) {
        return ((long[]) acc)[0];
      }

      @Override
      boolean countsNulls() {
        return field < 0;
      }
    };
  }

  /**
   * {@code SUM(field)} in {@code resultType}: NULL while no non-NULL value counts; {@code sum0} gives 0
   * instead (Calcite's {@code $SUM0}, what {@code COUNT} over a window rewrites into).
   */
  public static AggFunction sum(int field, int filter, ValueType resultType, TypeInformation<?> valueInfo,
      boolean sum0) {
    return new SumAndCount(field, filter, -1, resultType, valueInfo) {
      @Override
      Object value(Object sum, long count) {
        return count == 0 && !sum0 ? null : sum;
      }
    };
  }

  /** {@code AVG(field)} in {@code resultType} (an average of integers is an integer, as in Flink). */
  public static AggFunction avg(int field, int filter, ValueType resultType) {
    return new Average(field, filter, -1, resultType);
  }

  /**
   * The final level of a split {@code AVG} in {@code resultType}: sums the partial sums (field {@code sumField},
   * summed in the type {@link #avg} sums in) and the partial counts ({@code countField}) of the rows it reads and
   * divides them as {@link #avg} does, so that the split average equals the unsplit one; NULL while the counts
   * add up to 0.
   */
  public static AggFunction avgOfPartials(int sumField, int countField, ValueType resultType) {
    return new Average(sumField, -1, countField, resultType);
  }

  /** {@code AVG}: the (sum, count) accumulator in the type {@link #avgSumType} gives, divided. */
  private static final class Average extends SumAndCount {
    private static final long serialVersionUID = 1L;
    private final ValueType resultType;

    Average(int field, int filter, int countField, ValueType resultType) {
      super(field, filter, countField, avgSumType(resultType), sumInfo(avgSumType(resultType)));
      this.resultType = resultType;
    }

    @Override
    Object value(Object sum, long count) {
      return count == 0 ? null : Numbers.divide(sum, count, resultType);
    }
  }

  /** The type {@code AVG} sums in for a result of {@code resultType}. */
  private static ValueType avgSumType(ValueType resultType) {
    return resultType.kind() == ValueType.Kind.DECIMAL ? new ValueType(ValueType.Kind.DECIMAL, 38,
        resultType.scale()) : resultType.kind().isIntegral() ? ValueType.of(ValueType.Kind.BIGINT)
        : ValueType.of(ValueType.Kind.DOUBLE);
  }

  private static TypeInformation<?> sumInfo(ValueType sumType) {
    return sumType.kind() == ValueType.Kind.DECIMAL ? Types.BIG_DEC
        : sumType.kind() == ValueType.Kind.BIGINT ? Types.LONG : Types.DOUBLE;
  }

  /**
   * {@code MIN(field)} or {@code MAX(field)}. Over a changelog the accumulator keeps how often each
   * value occurs, so that taking the current extreme back finds the next one.
   */
  public static AggFunction minOrMax(int field, int filter, boolean max, boolean retractable,
      TypeInformation<?> valueInfo) {
    if (!retractable) {
      return new Base(field, filter) {
        @Override
        public TypeInformation<?> accumulatorType() {
          return valueInfo;
        }

        @Override
        public Object createAccumulator() {
          return null;
        }

        @Override
        public boolean emptyAccumulatorIsConstant() {
          return true;
        }

        @Override
        Object add(Object acc, Object value, int sign) {
          if (sign < 0) {
            throw new IllegalStateException("MIN/MAX over an insert-only input got a retraction");
          }
          if (acc == null) {
            return value;
          }
          int order = Comparisons.compare(value, acc);
          return max ? (order > 0 ? value : acc) : (order < 0 ? value : acc);
        }

        @Override
        public Object merge(Object acc, Object other) {
          return other == null ? acc : add(acc, other, 1);
        }

        @Override
        public Object getValue(Object acc) {
          return acc;
        }
      };
    }
    return new CountedValues(field, filter, Types.MAP(valueInfo, Types.LONG)) {
      @Override
      public Object getValue(Object acc) {
        Object best = null;
        for (Map.Entry<Object, Long> entry : counts(acc).entrySet()) {
          if (entry.getValue() <= 0) {
            continue; // only a local accumulator of two-phase aggregation holds values taken back more than added
          }
          Object value = entry.getKey();
          if (best == null) {
            best = value;
          } else {
            int order = Comparisons.compare(value, best);
            if (max ? order > 0 : order < 0) {
              best = value;
            }
          }
        }
        return best;
      }
    };
  }

  /** {@code COUNT(DISTINCT field)}: how many distinct non-NULL values the key's rows hold. */
  public static AggFunction countDistinct(int field, int filter, TypeInformation<?> valueInfo) {
    return new CountedValues(field, filter, Types.MAP(valueInfo, Types.LONG)) {
      @Override
      public Object getValue(Object acc) {
        return (long) counts(acc).size();
      }
    };
  }

  /** Reads the field, applies the filter and NULL rule, and adds or takes back. */
  private abstract static class Base implements AggFunction {
    private static final long serialVersionUID = 1L;
    final int field;
    private final int filter;

    Base(int field, int filter) {
      this.field = field;
      this.filter = filter;
    }

    /** {@code acc} with {@code value} added ({@code sign} 1) or taken back (-1). */
    abstract Object add(Object acc, Object value, int sign);

    /** {@code acc} with {@code value} of {@code input} added ({@code sign} 1) or taken back (-1). */
    Object add(Object acc, Object value, Row input, int sign) {
      return add(acc, value, sign);
    }

    @Override
    public boolean canMerge() {
      return true;
    }

    /** Whether NULL inputs count (only {@code COUNT(*)}). */
    boolean countsNulls() {
      return false;
    }

    @Override
    public Object accumulate(Object acc, Row input) {
      return update(acc, input, 1);
    }

    @Override
    public Object retract(Object acc, Row input) {
      return update(acc, input, -1);
    }

    private Object update(Object acc, Row input, int sign) {
      if (filter >= 0 && !Boolean.TRUE.equals(input.getField(filter))) {
        return acc;
      }
      Object value = field < 0 ? null : input.getField(field);
      if (value == null && !countsNulls()) {
        return acc;
      }
      return add(acc, value, input, sign);
    }
  }

  /**
   * SUM, AVG and the final level of a split AVG: a (sum, count) accumulator that rows change in place
   * (a row of a key changes the key's own accumulator: a mini-batch's, a slice's or the one in keyed
   * state, which the heap backend copies before a snapshot can see it change). A {@code BIGINT} sum is
   * a {@code long[2]}, which boxes nothing per row; other sums are a row of (sum, count).
   */
  private abstract static class SumAndCount extends Base {
    private static final long serialVersionUID = 1L;
    private final int countField;
    private final ValueType sumType;
    private final TypeInformation<?> sumInfo;
    private final boolean primitive;

    /**
     * Sums {@code field} in {@code sumType} (of {@code sumInfo}) over rows whose {@code filter} field is
     * true (-1: all); each row counts 1, or the value of its {@code countField} (-1: none).
     */
    SumAndCount(int field, int filter, int countField, ValueType sumType, TypeInformation<?> sumInfo) {
      super(field, filter);
      this.countField = countField;
      this.sumType = sumType;
      this.sumInfo = sumInfo;
      this.primitive = sumType.kind() == ValueType.Kind.BIGINT;
    }

    /** The aggregate's value for a sum of {@code count} rows (or partial counts). */
    abstract Object value(Object sum, long count);

    @Override
    public TypeInformation<?> accumulatorType() {
      return primitive ? Types.PRIMITIVE_ARRAY(Types.LONG) : new RowTypeInfo(sumInfo, Types.LONG);
    }

    @Override
    public Object createAccumulator() {
      return primitive ? new long[2] : Row.of(Numbers.convert(0, sumType), 0L);
    }

    @Override
    public boolean emptyAccumulatorIsConstant() {
      return primitive;
    }

    @Override
    Object add(Object acc, Object value, Row input, int sign) {
      if (countField < 0) {
        return add(acc, value, sign);
      }
      Object partialCount = input.getField(countField);
      if (partialCount == null) {
        return acc;
      }
      long count = (Long) partialCount;
      return added(acc, value, sign > 0 ? count : -count, sign > 0);
    }

    @Override
    Object add(Object acc, Object value, int sign) {
      return added(acc, value, sign, sign > 0);
    }

    /** {@code acc} with {@code value} added to ({@code adds}) or taken from its sum and {@code count} added to its count. */
    private Object added(Object acc, Object value, long count, boolean adds) {
      if (primitive) {
        long[] sums = (long[]) acc;
        long term = ((Number) value).longValue();
        sums[0] += adds ? term : -term;
        sums[1] += count;
        return sums;
      }
      Row row = (Row) acc;
      row.setField(0, adds ? Numbers.add(row.getField(0), value, sumType)
          : Numbers.subtract(row.getField(0), value, sumType));
      row.setField(1, (Long) row.getField(1) + count);
      return row;
    }

    @Override
    public Object merge(Object acc, Object other) {
      if (primitive) {
        long[] sums = (long[]) acc;
        long[] others = (long[]) other;
        sums[0] += others[0];
        sums[1] += others[1];
        return sums;
      }
      Row row = (Row) other;
      return added(acc, row.getField(0), (Long) row.getField(1), true);
    }

    @Override
    public Object getValue(Object acc) {
      if (primitive) {
        long[] sums = (long[]) acc;
        return value(sums[0], sums[1]);
      }
      Row row = (Row) acc;
      return value(row.getField(0), (Long) row.getField(1));
    }
  }

  /**
   * An accumulator of how often each value occurs. A count reaching 0 removes its value; a negative
   * count stays, since a local accumulator of two-phase aggregation may see a value taken back that it
   * never saw added (merging it into the global accumulator, which holds the additions, cancels it).
   */
  private abstract static class CountedValues extends Base {
    private static final long serialVersionUID = 1L;
    private final TypeInformation<?> type;

    CountedValues(int field, int filter, TypeInformation<?> type) {
      super(field, filter);
      this.type = type;
    }

    @Override
    public TypeInformation<?> accumulatorType() {
      return type;
    }

    @Override
    public Object createAccumulator() {
      return new HashMap<Object, Long>();
    }

    @SuppressWarnings("unchecked")
    static Map<Object, Long> counts(Object acc) {
      return (Map<Object, Long>) acc;
    }

    @Override
    Object add(Object acc, Object value, int sign) {
      // One lookup per row: a value's count changes in place, and leaves the map at 0.
      counts(acc).merge(value, sign > 0 ? ONE : MINUS_ONE, CountedValues::sumOrRemove);
      return acc;
    }

    private static final Long ONE = 1L;
    private static final Long MINUS_ONE = -1L;

    private static Long sumOrRemove(Long count, Long change) {
      long sum = count + change;
      return sum == 0 ? null : sum;
    }

    @Override
    public Object merge(Object acc, Object other) {
      Map<Object, Long> counts = counts(acc);
      counts(other).forEach((value, count) -> {
        long merged = counts.getOrDefault(value, 0L) + count;
        if (merged == 0) {
          counts.remove(value);
        } else {
          counts.put(value, merged);
        }
      });
      return counts;
    }
  }
}
