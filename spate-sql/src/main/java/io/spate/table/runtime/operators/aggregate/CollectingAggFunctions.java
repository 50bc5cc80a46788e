package io.spate.table.runtime.operators.aggregate;

import io.spate.api.annotation.Internal;
import io.spate.api.typeinfo.RowTypeInfo;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.typeinfo.Types;
import io.spate.api.types.Row;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Flink's aggregates that keep the values themselves: {@code LISTAGG}, {@code ARRAY_AGG}, {@code
 * COLLECT}, {@code FIRST_VALUE} and {@code LAST_VALUE}. Over a changelog the accumulator holds every
 * value still counted, in the order they came, so that taking one back (its first copy, as Flink does)
 * finds what remains; the accumulator lives in the operator's keyed state and is checkpointed with it.
 * Over an insert-only input {@code FIRST_VALUE} and {@code LAST_VALUE} keep one value only.
 */
@Internal
public final class CollectingAggFunctions {

  private CollectingAggFunctions() {}

  /**
   * {@code LISTAGG(field [, separator])}: the non-NULL values' texts joined by the separator, which is
   * {@code ','} without a {@code separatorField} (-1), else that field's value (a literal of the query,
   * kept in the accumulator as Flink does); NULL while none counts.
   */
  public static AggFunction listAgg(int field, int filter, int separatorField, TypeInformation<?> valueInfo) {
    return new ListAgg(new ValueList(field, filter, true, valueInfo) {
      @Override
      Object result(List<Object> values) {
        throw new UnsupportedOperationException("LISTAGG joins its values itself");
      }
    }, separatorField, valueInfo);
  }

  /** {@code ARRAY_AGG(field [RESPECT NULLS | IGNORE NULLS])}: the values in an array; NULL while none counts. */
  public static AggFunction arrayAgg(int field, int filter, boolean ignoreNulls, TypeInformation<?> valueInfo) {
    return new ValueList(field, filter, ignoreNulls, valueInfo) {
      @Override
      Object result(List<Object> values) {
        Object[] array = newArray(valueInfo, values.size());
        for (int i = 0; i < array.length; i++) {
          array[i] = values.get(i);
        }
        return array;
      }
    };
  }

  /**
   * {@code FIRST_VALUE(field)} or {@code LAST_VALUE(field)} ({@code last}): the first or last non-NULL
   * value that still counts. {@code retractable}: the input is a changelog, so every value is kept.
   */
  public static AggFunction firstOrLastValue(int field, int filter, boolean last, boolean retractable,
      TypeInformation<?> valueInfo) {
    return new ValueList(field, filter, true, valueInfo) {
      @Override
      @SuppressWarnings("unchecked")
      public Object accumulate(Object acc, Row input) {
        List<Object> values = (List<Object>) acc;
        if (!retractable && counts(input) && (last || values.isEmpty())) {
          values.clear(); // an insert-only input never takes a value back: one value is all there is to keep
        }
        return retractable || values.isEmpty() ? super.accumulate(acc, input) : acc;
      }

      @Override
      @SuppressWarnings("unchecked")
      public Object merge(Object acc, Object other) {
        List<Object> values = (List<Object>) acc;
        List<Object> others = (List<Object>) other;
        if (retractable) {
          return super.merge(acc, other);
        }
        if (!others.isEmpty() && (last || values.isEmpty())) {
          values.clear();
          values.add(others.get(0));
        }
        return values;
      }

      @Override
      Object result(List<Object> values) {
        return values.get(last ? values.size() - 1 : 0);
      }
    };
  }

  /** {@code COLLECT(field)}: a multiset (a map from each non-NULL value to how often it occurs). */
  public static AggFunction collect(int field, int filter, TypeInformation<?> valueInfo) {
    return new Collect(field, filter, valueInfo);
  }

  private static Object[] newArray(TypeInformation<?> elementInfo, int size) {
    Class<?> type = elementInfo == null ? Object.class : elementInfo.getTypeClass();
    return type == null || type.isPrimitive() ? new Object[size] : (Object[]) Array.newInstance(type, size);
  }

  private static boolean sameValue(Object a, Object b) {
    return a instanceof Object[] x && b instanceof Object[] y ? java.util.Arrays.deepEquals(x, y) : Objects.equals(a, b);
  }

  /** The values that count, in the order they came, in a list. */
  private abstract static class ValueList implements AggFunction {
    private static final long serialVersionUID = 1L;
    private final int field;
    private final int filter;
    private final boolean ignoreNulls;
    private final TypeInformation<?> valueInfo;

    ValueList(int field, int filter, boolean ignoreNulls, TypeInformation<?> valueInfo) {
      this.field = field;
      this.filter = filter;
      this.ignoreNulls = ignoreNulls;
      this.valueInfo = valueInfo;
    }

    /** The aggregate's value for a non-empty list of values. */
    abstract Object result(List<Object> values);

    /** Whether {@code input} passes the filter and has a value that counts. */
    boolean counts(Row input) {
      if (filter >= 0 && !Boolean.TRUE.equals(input.getField(filter))) {
        return false;
      }
      return !(ignoreNulls && input.getField(field) == null);
    }

    @Override
    public TypeInformation<?> accumulatorType() {
      return Types.LIST(valueInfo);
    }

    @Override
    public Object createAccumulator() {
      return new ArrayList<>();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object accumulate(Object acc, Row input) {
      if (counts(input)) {
        ((List<Object>) acc).add(input.getField(field));
      }
      return acc;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object retract(Object acc, Row input) {
      if (counts(input)) {
        List<Object> values = (List<Object>) acc;
        Object value = input.getField(field);
        for (int i = 0; i < values.size(); i++) {
          if (sameValue(values.get(i), value)) {
            values.remove(i);
            break;
          }
        }
      }
      return acc;
    }

    @Override
    public boolean canMerge() {
      return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object merge(Object acc, Object other) {
      ((List<Object>) acc).addAll((List<Object>) other);
      return acc;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object getValue(Object acc) {
      List<Object> values = (List<Object>) acc;
      return values.isEmpty() ? null : result(values);
    }
  }

  /** {@code LISTAGG}: an accumulator of the values (a {@link ValueList}'s) and the separator. */
  private static final class ListAgg implements AggFunction {
    private static final long serialVersionUID = 1L;
    private final ValueList values;
    private final int separatorField;
    private final TypeInformation<?> valueInfo;

    ListAgg(ValueList values, int separatorField, TypeInformation<?> valueInfo) {
      this.values = values;
      this.separatorField = separatorField;
      this.valueInfo = valueInfo;
    }

    @Override
    public TypeInformation<?> accumulatorType() {
      return new RowTypeInfo(Types.LIST(valueInfo), Types.STRING);
    }

    @Override
    public Object createAccumulator() {
      return Row.of(values.createAccumulator(), ",");
    }

    @Override
    public Object accumulate(Object acc, Row input) {
      Row row = (Row) acc;
      if (separatorField >= 0 && input.getField(separatorField) != null) {
        row.setField(1, input.getField(separatorField).toString());
      }
      values.accumulate(row.getField(0), input);
      return row;
    }

    @Override
    public Object retract(Object acc, Row input) {
      values.retract(((Row) acc).getField(0), input);
      return acc;
    }

    @Override
    public boolean canMerge() {
      return true;
    }

    @Override
    public Object merge(Object acc, Object other) {
      Row row = (Row) acc;
      if (!((List<?>) ((Row) other).getField(0)).isEmpty()) {
        values.merge(row.getField(0), ((Row) other).getField(0));
        row.setField(1, ((Row) other).getField(1));
      }
      return row;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object getValue(Object acc) {
      Row row = (Row) acc;
      List<Object> items = (List<Object>) row.getField(0);
      return items.isEmpty() ? null : String.join((String) row.getField(1), items.stream().map(String::valueOf).toList());
    }
  }

  /** How often each value occurs, in a map; a value whose count reaches 0 leaves it. */
  private static final class Collect implements AggFunction {
    private static final long serialVersionUID = 1L;
    private final int field;
    private final int filter;
    private final TypeInformation<?> valueInfo;

    Collect(int field, int filter, TypeInformation<?> valueInfo) {
      this.field = field;
      this.filter = filter;
      this.valueInfo = valueInfo;
    }

    @Override
    public TypeInformation<?> accumulatorType() {
      return Types.MAP(valueInfo, Types.INT);
    }

    @Override
    public Object createAccumulator() {
      return new HashMap<Object, Integer>();
    }

    @Override
    public Object accumulate(Object acc, Row input) {
      return add(acc, input, 1);
    }

    @Override
    public Object retract(Object acc, Row input) {
      return add(acc, input, -1);
    }

    @SuppressWarnings("unchecked")
    private Object add(Object acc, Row input, int sign) {
      Object value = input.getField(field);
      if (value == null || filter >= 0 && !Boolean.TRUE.equals(input.getField(filter))) {
        return acc;
      }
      ((Map<Object, Integer>) acc).merge(value, sign, (a, b) -> a + b == 0 ? null : a + b);
      return acc;
    }

    @Override
    public boolean canMerge() {
      return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object merge(Object acc, Object other) {
      Map<Object, Integer> counts = (Map<Object, Integer>) acc;
      ((Map<Object, Integer>) other).forEach((value, count) ->
          counts.merge(value, count, (a, b) -> a + b == 0 ? null : a + b));
      return counts;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object getValue(Object acc) {
      return new HashMap<>((Map<Object, Integer>) acc);
    }
  }
}
