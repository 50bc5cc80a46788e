package io.spate.table.api.internal;

import io.spate.api.annotation.Internal;
import io.spate.api.datastream.DataStream;
import io.spate.api.functions.MapFunction;
import io.spate.api.typeinfo.RowTypeInfo;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.typeinfo.Types;
import io.spate.api.types.Row;
import io.spate.table.api.ValidationException;
import io.spate.table.runtime.typeutils.TypeInfos;
import io.spate.table.types.logical.ArrayType;
import io.spate.table.types.logical.LogicalType;
import io.spate.table.types.logical.LogicalTypeRoot;
import io.spate.table.types.logical.MapType;
import io.spate.table.types.logical.MultisetType;
import io.spate.table.types.logical.RowType;
import io.spate.table.types.logical.YearMonthIntervalType;
import java.lang.reflect.Array;
import java.time.Duration;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts interval values between the classes a program sees and those a job computes with, as Flink's
 * conversions do, at any depth of {@code ROW}, {@code ARRAY}, {@code MAP} and {@code MULTISET}: a day-time
 * interval is a {@link Duration} outside and a {@code Long} of milliseconds inside, a year-month interval a
 * {@link Period} outside and an {@code Integer} of months inside. Values of other types pass unchanged.
 */
@Internal
public final class IntervalConversions {

  private IntervalConversions() {}

  /** Whether values of {@code type} hold an interval anywhere: only then is there anything to convert. */
  static boolean containsInterval(LogicalType type) {
    return type.is(LogicalTypeRoot.INTERVAL_DAY_TIME) || type.is(LogicalTypeRoot.INTERVAL_YEAR_MONTH)
        || type.getChildren().stream().anyMatch(IntervalConversions::containsInterval);
  }

  /** {@code rows}, of columns {@code rowType}, with their intervals in their Java classes; {@code rows} if there are none. */
  public static DataStream<Row> toExternal(DataStream<Row> rows, RowType rowType) {
    if (!containsInterval(rowType)) {
      return rows;
    }
    return rows.map(new ToExternal(rowType), externalRowInfo(rowType)).name("Intervals to Duration and Period");
  }

  /** The type of rows of {@code rowType} whose intervals are {@link Duration}s and {@link Period}s. */
  static RowTypeInfo externalRowInfo(RowType rowType) {
    TypeInformation<?>[] fields = new TypeInformation<?>[rowType.getFieldCount()];
    for (int i = 0; i < fields.length; i++) {
      fields[i] = externalInfo(rowType.getTypeAt(i));
    }
    return new RowTypeInfo(fields, rowType.getFieldNames().toArray(new String[0]));
  }

  /** The type information of values of {@code type} as a program sees them. */
  static TypeInformation<?> externalInfo(LogicalType type) {
    if (!containsInterval(type)) {
      return TypeInfos.of(type);
    }
    switch (type.getTypeRoot()) {
      case INTERVAL_DAY_TIME:
        return Types.GENERIC(Duration.class);
      case INTERVAL_YEAR_MONTH:
        return Types.GENERIC(Period.class);
      case ARRAY:
        return Types.OBJECT_ARRAY(externalInfo(((ArrayType) type).getElementType()));
      case MAP:
        return Types.MAP(externalInfo(((MapType) type).getKeyType()), externalInfo(((MapType) type).getValueType()));
      case MULTISET:
        return Types.MAP(externalInfo(((MultisetType) type).getElementType()), Types.INT);
      default:
        return externalRowInfo((RowType) type);
    }
  }

  /** {@code value}, of {@code type} as a job holds it, as a program sees it. */
  static Object toExternal(Object value, LogicalType type) {
    if (value == null || !containsInterval(type)) {
      return value;
    }
    switch (type.getTypeRoot()) {
      case INTERVAL_DAY_TIME:
        return value instanceof Number millis ? Duration.ofMillis(millis.longValue()) : value;
      case INTERVAL_YEAR_MONTH:
        return value instanceof Number months ? ((YearMonthIntervalType) type).toPeriod(months.intValue()) : value;
      case ARRAY: {
        LogicalType element = ((ArrayType) type).getElementType();
        Object[] array = (Object[]) value;
        Object[] converted = (Object[]) Array.newInstance(externalClass(element), array.length);
        for (int i = 0; i < array.length; i++) {
          converted[i] = toExternal(array[i], element);
        }
        return converted;
      }
      case MAP:
        return convertMap((Map<?, ?>) value, ((MapType) type).getKeyType(), ((MapType) type).getValueType(), true);
      case MULTISET:
        return convertMap((Map<?, ?>) value, ((MultisetType) type).getElementType(), null, true);
      default:
        return convertRow((Row) value, (RowType) type, true);
    }
  }

  /**
   * {@code value}, of {@code type} as a program gives it, as a job holds it; a value of the job's own class
   * (milliseconds, months) is taken as it is.
   *
   * @throws ValidationException for an interval of another class
   */
  static Object toInternal(Object value, LogicalType type) {
    if (value == null || !containsInterval(type)) {
      return value;
    }
    switch (type.getTypeRoot()) {
      case INTERVAL_DAY_TIME:
        if (value instanceof Duration duration) {
          return duration.toMillis();
        }
        if (value instanceof Long) {
          return value;
        }
        throw wrongClass(value, type, "java.time.Duration or a Long of milliseconds");
      case INTERVAL_YEAR_MONTH:
        if (value instanceof Period period) {
          return Math.toIntExact(period.toTotalMonths());
        }
        if (value instanceof Integer) {
          return value;
        }
        throw wrongClass(value, type, "java.time.Period or an Integer of months");
      case ARRAY: {
        LogicalType element = ((ArrayType) type).getElementType();
        Object[] array = (Object[]) value;
        Object[] converted = (Object[]) Array.newInstance(TypeInfos.of(element).getTypeClass(), array.length);
        for (int i = 0; i < array.length; i++) {
          converted[i] = toInternal(array[i], element);
        }
        return converted;
      }
      case MAP:
        return convertMap((Map<?, ?>) value, ((MapType) type).getKeyType(), ((MapType) type).getValueType(), false);
      case MULTISET:
        return convertMap((Map<?, ?>) value, ((MultisetType) type).getElementType(), null, false);
      default:
        return convertRow((Row) value, (RowType) type, false);
    }
  }

  private static ValidationException wrongClass(Object value, LogicalType type, String expected) {
    return new ValidationException("A value of type " + type.asSummaryString() + " must be a " + expected + ", got "
        + value.getClass().getName() + " '" + value + "'");
  }

  private static Class<?> externalClass(LogicalType type) {
    return containsInterval(type) ? type.getDefaultConversion() : TypeInfos.of(type).getTypeClass();
  }

  private static Map<Object, Object> convertMap(Map<?, ?> map, LogicalType keyType, LogicalType valueType,
      boolean external) {
    Map<Object, Object> converted = new LinkedHashMap<>();
    map.forEach((k, v) -> converted.put(external ? toExternal(k, keyType) : toInternal(k, keyType),
        valueType == null ? v : external ? toExternal(v, valueType) : toInternal(v, valueType)));
    return converted;
  }

  private static Row convertRow(Row row, RowType type, boolean external) {
    Row copy = Row.copy(row);
    for (int i = 0; i < type.getFieldCount() && i < row.getArity(); i++) {
      LogicalType field = type.getTypeAt(i);
      copy.setField(i, external ? toExternal(row.getField(i), field) : toInternal(row.getField(i), field));
    }
    return copy;
  }

  /** A row type of {@code types}, its fields named f0, f1, ...: what the conversion of a list of columns walks. */
  static RowType rowType(List<LogicalType> types) {
    List<RowType.RowField> fields = new java.util.ArrayList<>();
    for (int i = 0; i < types.size(); i++) {
      fields.add(new RowType.RowField("f" + i, types.get(i)));
    }
    return new RowType(false, fields);
  }

  /** The conversion of a stream's rows to the classes a program sees. */
  private static final class ToExternal implements MapFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final RowType rowType;

    ToExternal(RowType rowType) {
      this.rowType = rowType;
    }

    @Override
    public Row map(Row row) {
      return (Row) toExternal(row, rowType);
    }
  }
}
