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

  /** {@code COUNT(*)} ({@code field} -1) or {@code COUNT(field)}. */
  public static AggFunction count(int field, int filter) {
    return new Base(field, filter) {
      @Override
      public TypeInformation<?> accumulatorType() {
        return Types.LONG;
      }

      @Override
      public Object createAccumulator() {
        return 0L;
      }

      @Override
      Object add(Object acc, Object value, int sign) {
        return (Long) acc + sign;
      }

      @Override
      public Object merge(Object acc, Object other) {
        return (Long) acc + (Long) other;
      }

      @Override
      public Object getValue(Object acc) {
        return acc;
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
    return new Base(field, filter) {
      @Override
      public TypeInformation<?> accumulatorType() {
        return new RowTypeInfo(valueInfo, Types.LONG);
      }

      @Override
      public Object createAccumulator() {
        return Row.of(Numbers.convert(0, resultType), 0L);
      }

      @Override
      Object add(Object acc, Object value, int sign) {
        Row row = (Row) acc;
        Object sum = sign > 0 ? Numbers.add(row.getField(0), value, resultType)
            : Numbers.subtract(row.getField(0), value, resultType);
        return addedInPlace(row, sum, sign);
      }

      @Override
      public Object merge(Object acc, Object other) {
        return mergedSums((Row) acc, (Row) other, resultType);
      }

      @Override
      public Object getValue(Object acc) {
        Row row = (Row) acc;
        return (Long) row.getField(1) == 0 && !sum0 ? null : row.getField(0);
      }
    };
  }

  /** {@code AVG(field)} in {@code resultType} (an average of integers is an integer, as in Flink). */
  public static AggFunction avg(int field, int filter, ValueType resultType) {
    ValueType sumType = avgSumType(resultType);
    TypeInformation<?> sumInfo = sumInfo(sumType);
    return new Base(field, filter) {
      @Override
      public TypeInformation<?> accumulatorType() {
        return new RowTypeInfo(sumInfo, Types.LONG);
      }

      @Override
      public Object createAccumulator() {
        return Row.of(Numbers.convert(0, sumType), 0L);
      }

      @Override
      Object add(Object acc, Object value, int sign) {
        Row row = (Row) acc;
        Object sum = sign > 0 ? Numbers.add(row.getField(0), value, sumType)
            : Numbers.subtract(row.getField(0), value, sumType);
        return addedInPlace(row, sum, sign);
      }

      @Override
      public Object merge(Object acc, Object other) {
        return mergedSums((Row) acc, (Row) other, sumType);
      }

      @Override
      public Object getValue(Object acc) {
        Row row = (Row) acc;
        long count = (Long) row.getField(1);
        return count == 0 ? null : Numbers.divide(row.getField(0), count, resultType);
      }
    };
  }

  /**
   * The final level of a split {@code AVG} in {@code resultType}: sums the partial sums (field {@code sumField},
   * summed in the type {@link #avg} sums in) and the partial counts ({@code countField}) of the rows it reads and
   * divides them as {@link #avg} does, so that the split average equals the unsplit one; NULL while the counts
   * add up to 0.
   */
  public static AggFunction avgOfPartials(int sumField, int countField, ValueType resultType) {
    ValueType sumType = avgSumType(resultType);
    TypeInformation<?> sumInfo = sumInfo(sumType);
    return new AggFunction() {
      private static final long serialVersionUID = 1L;

      @Override
      public TypeInformation<?> accumulatorType() {
        return new RowTypeInfo(sumInfo, Types.LONG);
      }

      @Override
      public Object createAccumulator() {
        return Row.of(Numbers.convert(0, sumType), 0L);
      }

      @Override
      public Object accumulate(Object acc, Row input) {
        return add((Row) acc, input, true);
      }

      @Override
      public Object retract(Object acc, Row input) {
        return add((Row) acc, input, false);
      }

      private Row add(Row acc, Row input, boolean add) {
        Object sum = input.getField(sumField);
        Long count = (Long) input.getField(countField);
        if (sum == null || count == null) {
          return acc;
        }
        return Row.of(add ? Numbers.add(acc.getField(0), sum, sumType) : Numbers.subtract(acc.getField(0), sum, sumType),
            (Long) acc.getField(1) + (add ? count : -count));
      }

      @Override
      public boolean canMerge() {
        return true;
      }

      @Override
      public Object merge(Object acc, Object other) {
        return mergedSums((Row) acc, (Row) other, sumType);
      }

      @Override
      public Object getValue(Object acc) {
        Row row = (Row) acc;
        long count = (Long) row.getField(1);
        return count == 0 ? null : Numbers.divide(row.getField(0), count, resultType);
      }
    };
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

  /**
   * The (sum, count) accumulator {@code acc} changed in place to {@code sum} and its count moved by
   * {@code sign}: a row of a key changes the key's own accumulator (a mini-batch's, a slice's or the
   * one in keyed state, which the heap backend copies before a snapshot can see it change), so no
   * accumulator row is made per input row.
   */
  private static Row addedInPlace(Row acc, Object sum, int sign) {
    acc.setField(0, sum);
    acc.setField(1, (Long) acc.getField(1) + sign);
    return acc;
  }

  /** The (sum, count) accumulator of two sets of rows, summed in {@code type}. */
  private static Row mergedSums(Row acc, Row other, ValueType type) {
    return Row.of(Numbers.add(acc.getField(0), other.getField(0), type),
        (Long) acc.getField(1) + (Long) other.getField(1));
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
      return add(acc, value, sign);
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
