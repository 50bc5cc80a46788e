package io.spate.table.runtime.typeutils;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.typeinfo.RowTypeInfo;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.typeinfo.Types;
import io.spate.table.api.TableException;
import io.spate.api.typeinfo.CompositeTypeInfo;
import io.spate.api.typeinfo.MapTypeInfo;
import io.spate.api.typeinfo.ObjectArrayTypeInfo;
import io.spate.table.types.logical.ArrayType;
import io.spate.table.types.logical.BigIntType;
import io.spate.table.types.logical.BooleanType;
import io.spate.table.types.logical.DateType;
import io.spate.table.types.logical.DayTimeIntervalType;
import io.spate.table.types.logical.DecimalType;
import io.spate.table.types.logical.DoubleType;
import io.spate.table.types.logical.FloatType;
import io.spate.table.types.logical.IntType;
import io.spate.table.types.logical.LocalZonedTimestampType;
import io.spate.table.types.logical.SmallIntType;
import io.spate.table.types.logical.TimeType;
import io.spate.table.types.logical.TimestampType;
import io.spate.table.types.logical.TinyIntType;
import io.spate.table.types.logical.VarBinaryType;
import io.spate.table.types.logical.VarCharType;
import io.spate.table.types.logical.YearMonthIntervalType;
import java.util.ArrayList;
import java.util.List;
import io.spate.table.types.logical.LogicalType;
import io.spate.table.types.logical.MapType;
import io.spate.table.types.logical.MultisetType;
import io.spate.table.types.logical.RowType;

/**
 * The {@link TypeInformation} that carries values of a SQL type between operators and into state:
 * the Java classes Flink uses for SQL values outside its engine ({@code Long}, {@code String},
 * {@code BigDecimal}, {@code LocalDateTime}, ..., and {@link io.spate.api.types.Row} for rows).
 */
@PublicEvolving
public final class TypeInfos {

  private TypeInfos() {}

  /** The type information of rows of {@code rowType}, with its field names. */
  public static RowTypeInfo ofRow(RowType rowType) {
    TypeInformation<?>[] types = new TypeInformation<?>[rowType.getFieldCount()];
    String[] names = new String[types.length];
    for (int i = 0; i < types.length; i++) {
      types[i] = of(rowType.getTypeAt(i));
      names[i] = rowType.getFieldNames().get(i);
    }
    return new RowTypeInfo(types, names);
  }

  /** The type information of values of {@code type}. */
  public static TypeInformation<?> of(LogicalType type) {
    switch (type.getTypeRoot()) {
      case BOOLEAN:
        return Types.BOOLEAN;
      case TINYINT:
        return Types.BYTE;
      case SMALLINT:
        return Types.SHORT;
      case INTEGER:
      case INTERVAL_YEAR_MONTH:
        return Types.INT;
      case BIGINT:
      case INTERVAL_DAY_TIME:
        return Types.LONG;
      case FLOAT:
        return Types.FLOAT;
      case DOUBLE:
        return Types.DOUBLE;
      case DECIMAL:
        return Types.BIG_DEC;
      case CHAR:
      case VARCHAR:
        return Types.STRING;
      case BINARY:
      case VARBINARY:
        return Types.PRIMITIVE_ARRAY(Types.BYTE);
      case DATE:
        return Types.LOCAL_DATE;
      case TIME_WITHOUT_TIME_ZONE:
        return Types.LOCAL_TIME;
      case TIMESTAMP_WITHOUT_TIME_ZONE:
        return Types.LOCAL_DATE_TIME;
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
        return Types.INSTANT;
      case ARRAY:
        return Types.OBJECT_ARRAY(of(((ArrayType) type).getElementType()));
      case MAP:
        return Types.MAP(of(((MapType) type).getKeyType()), of(((MapType) type).getValueType()));
      case MULTISET:
        return Types.MAP(of(((MultisetType) type).getElementType()), Types.INT);
      case ROW:
        return ofRow((RowType) type);
      default:
        throw new TableException("Spate SQL cannot carry values of type " + type.asSummaryString()
            + " between operators yet");
    }
  }

  /**
   * The columns of a DataStream of {@code type}: a row's, tuple's, POJO's or record's fields, else one
   * column {@code f0} of the type itself.
   */
  public static RowType toRowType(TypeInformation<?> type) {
    List<RowType.RowField> fields = new ArrayList<>();
    if (type instanceof CompositeTypeInfo<?> composite) {
      List<String> names = composite.getFieldNames();
      for (int i = 0; i < names.size(); i++) {
        fields.add(new RowType.RowField(names.get(i), toLogicalType(composite.getTypeAt(i), names.get(i))));
      }
    } else {
      fields.add(new RowType.RowField("f0", toLogicalType(type, "f0")));
    }
    return new RowType(false, fields);
  }

  /** The SQL type of values of {@code type}, as Flink derives it for a DataStream's field {@code field}. */
  public static LogicalType toLogicalType(TypeInformation<?> type, String field) {
    if (type instanceof RowTypeInfo || type instanceof CompositeTypeInfo<?> && !(type instanceof MapTypeInfo)) {
      RowType nested = toRowType(type);
      return nested.copy(true);
    }
    if (type instanceof MapTypeInfo<?, ?> map) {
      return new MapType(toLogicalType(map.getKeyTypeInfo(), field), toLogicalType(map.getValueTypeInfo(), field));
    }
    if (type instanceof ObjectArrayTypeInfo<?> array) {
      return new ArrayType(toLogicalType(array.getComponentInfo(), field));
    }
    Class<?> clazz = type.getTypeClass();
    if (clazz == Boolean.class || clazz == boolean.class) {
      return new BooleanType();
    } else if (clazz == Byte.class || clazz == byte.class) {
      return new TinyIntType();
    } else if (clazz == Short.class || clazz == short.class) {
      return new SmallIntType();
    } else if (clazz == Integer.class || clazz == int.class) {
      return new IntType();
    } else if (clazz == Long.class || clazz == long.class) {
      return new BigIntType();
    } else if (clazz == Float.class || clazz == float.class) {
      return new FloatType();
    } else if (clazz == Double.class || clazz == double.class) {
      return new DoubleType();
    } else if (clazz == java.math.BigDecimal.class) {
      return new DecimalType(38, 18);
    } else if (clazz == String.class) {
      return VarCharType.STRING_TYPE;
    } else if (clazz == byte[].class) {
      return new VarBinaryType(VarBinaryType.MAX_LENGTH);
    } else if (clazz == java.time.LocalDate.class) {
      return new DateType();
    } else if (clazz == java.time.LocalTime.class) {
      return new TimeType(9);
    } else if (clazz == java.time.LocalDateTime.class) {
      return new TimestampType(9);
    } else if (clazz == java.time.Instant.class) {
      return new LocalZonedTimestampType(9);
    } else if (clazz == java.time.Duration.class) {
      return new DayTimeIntervalType(DayTimeIntervalType.DayTimeResolution.SECOND,
          DayTimeIntervalType.DEFAULT_DAY_PRECISION, DayTimeIntervalType.MAX_FRACTIONAL_PRECISION);
    } else if (clazz == java.time.Period.class) {
      return new YearMonthIntervalType(true, YearMonthIntervalType.YearMonthResolution.YEAR_TO_MONTH,
          YearMonthIntervalType.MAX_PRECISION);
    }
    throw new TableException("Column '" + field + "': Spate SQL has no type for DataStream values of "
        + type + "; map the stream to rows, tuples or POJOs of SQL-typed fields first");
  }
}
