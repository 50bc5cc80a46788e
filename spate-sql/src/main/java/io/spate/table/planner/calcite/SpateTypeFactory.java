package io.spate.table.planner.calcite;

import io.spate.api.annotation.Internal;
import io.spate.table.api.ValidationException;
import io.spate.table.types.logical.ArrayType;
import io.spate.table.types.logical.BigIntType;
import io.spate.table.types.logical.BinaryType;
import io.spate.table.types.logical.BooleanType;
import io.spate.table.types.logical.CharType;
import io.spate.table.types.logical.DateType;
import io.spate.table.types.logical.DayTimeIntervalType;
import io.spate.table.types.logical.DecimalType;
import io.spate.table.types.logical.DoubleType;
import io.spate.table.types.logical.FloatType;
import io.spate.table.types.logical.IntType;
import io.spate.table.types.logical.LocalZonedTimestampType;
import io.spate.table.types.logical.LogicalType;
import io.spate.table.types.logical.MapType;
import io.spate.table.types.logical.MultisetType;
import io.spate.table.types.logical.NullType;
import io.spate.table.types.logical.RowType;
import io.spate.table.types.logical.RowType.RowField;
import io.spate.table.types.logical.SmallIntType;
import io.spate.table.types.logical.TimeType;
import io.spate.table.types.logical.TimestampType;
import io.spate.table.types.logical.TinyIntType;
import io.spate.table.types.logical.VarBinaryType;
import io.spate.table.types.logical.VarCharType;
import io.spate.table.types.logical.YearMonthIntervalType;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.rel.type.RelRecordType;
import org.apache.calcite.rel.type.StructKind;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.ConversionUtil;

/**
 * Calcite's type factory for Spate SQL: turns logical types into Calcite's types and back, with
 * {@link SpateTypeSystem}'s rules. Every logical type maps to a Calcite type and back to an equal one, nullability
 * included; two things do not survive the trip, and the planner re-attaches them from the table's schema: the
 * descriptions of ROW fields, and the time-attribute kind of a timestamp ({@code *ROWTIME*}, {@code *PROCTIME*}).
 */
@Internal
public class SpateTypeFactory extends JavaTypeFactoryImpl {

  /** A factory with {@link SpateTypeSystem}. */
  public SpateTypeFactory() {
    this(SpateTypeSystem.INSTANCE);
  }

  /** A factory with the given type system. */
  public SpateTypeFactory(RelDataTypeSystem typeSystem) {
    super(typeSystem);
  }

  /**
   * The Calcite type of {@code type}, nullability included: STRING is VARCHAR(2147483647), TIMESTAMP_LTZ is
   * TIMESTAMP_WITH_LOCAL_TIME_ZONE, a ROW is a struct whose fields can be read as {@code r.field}.
   *
   * @throws ValidationException for a logical type that has no Calcite counterpart
   */
  public RelDataType createFieldTypeFromLogicalType(LogicalType type) {
    RelDataType relType;
    switch (type.getTypeRoot()) {
      case BOOLEAN:
        relType = createSqlType(SqlTypeName.BOOLEAN);
        break;
      case TINYINT:
        relType = createSqlType(SqlTypeName.TINYINT);
        break;
      case SMALLINT:
        relType = createSqlType(SqlTypeName.SMALLINT);
        break;
      case INTEGER:
        relType = createSqlType(SqlTypeName.INTEGER);
        break;
      case BIGINT:
        relType = createSqlType(SqlTypeName.BIGINT);
        break;
      case FLOAT:
        relType = createSqlType(SqlTypeName.FLOAT);
        break;
      case DOUBLE:
        relType = createSqlType(SqlTypeName.DOUBLE);
        break;
      case DECIMAL:
        relType = createSqlType(
            SqlTypeName.DECIMAL, ((DecimalType) type).getPrecision(), ((DecimalType) type).getScale());
        break;
      case CHAR:
        relType = createSqlType(SqlTypeName.CHAR, ((CharType) type).getLength());
        break;
      case VARCHAR:
        relType = createSqlType(SqlTypeName.VARCHAR, ((VarCharType) type).getLength());
        break;
      case BINARY:
        relType = createSqlType(SqlTypeName.BINARY, ((BinaryType) type).getLength());
        break;
      case VARBINARY:
        relType = createSqlType(SqlTypeName.VARBINARY, ((VarBinaryType) type).getLength());
        break;
      case DATE:
        relType = createSqlType(SqlTypeName.DATE);
        break;
      case TIME_WITHOUT_TIME_ZONE:
        relType = createSqlType(SqlTypeName.TIME, ((TimeType) type).getPrecision());
        break;
      case TIMESTAMP_WITHOUT_TIME_ZONE:
        relType = createSqlType(SqlTypeName.TIMESTAMP, ((TimestampType) type).getPrecision());
        break;
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
        relType = createSqlType(
            SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, ((LocalZonedTimestampType) type).getPrecision());
        break;
      case NULL:
        relType = createSqlType(SqlTypeName.NULL);
        break;
      case INTERVAL_YEAR_MONTH:
        relType = createSqlIntervalType(new SqlIntervalQualifier(TimeUnit.YEAR, TimeUnit.MONTH, SqlParserPos.ZERO));
        break;
      case INTERVAL_DAY_TIME:
        relType = createSqlIntervalType(new SqlIntervalQualifier(TimeUnit.DAY, 2, TimeUnit.SECOND,
            ((DayTimeIntervalType) type).getFractionalPrecision(), SqlParserPos.ZERO));
        break;
      case ARRAY:
        relType = createArrayType(createFieldTypeFromLogicalType(((ArrayType) type).getElementType()), -1);
        break;
      case MULTISET:
        relType = createMultisetType(createFieldTypeFromLogicalType(((MultisetType) type).getElementType()), -1);
        break;
      case MAP:
        relType = createMapType(
            createFieldTypeFromLogicalType(((MapType) type).getKeyType()),
            createFieldTypeFromLogicalType(((MapType) type).getValueType()));
        break;
      case ROW:
        relType = createStructType(StructKind.PEEK_FIELDS_NO_EXPAND, fieldTypes((RowType) type),
            ((RowType) type).getFieldNames());
        break;
      default:
        throw new ValidationException(
            "The type " + type.asSummaryString() + " has no counterpart in Spate SQL's planner yet.");
    }
    return createTypeWithNullability(relType, type.isNullable());
  }

  /**
   * The row type of a table or query whose columns are {@code rowType}'s fields: a top-level struct, not nullable,
   * whose fields are addressed without a prefix.
   */
  public RelDataType buildRelNodeRowType(RowType rowType) {
    return createStructType(StructKind.FULLY_QUALIFIED, fieldTypes(rowType), rowType.getFieldNames());
  }

  /**
   * Keeps a nested row's fields as they are when its own nullability changes; Calcite's default would make every
   * field of a nullable struct nullable, which would lose {@code ROW<a INT NOT NULL>}.
   */
  @Override
  public RelDataType createTypeWithNullability(RelDataType type, boolean nullable) {
    if (type.isNullable() != nullable && type instanceof RelRecordType
        && type.getStructKind() == StructKind.PEEK_FIELDS_NO_EXPAND) {
      return canonize(new RelRecordType(type.getStructKind(), type.getFieldList(), nullable));
    }
    return super.createTypeWithNullability(type, nullable);
  }

  /**
   * Calcite's type of {@code typeName}, also of an interval type name, which Calcite's factory refuses: a CAST
   * that Calcite itself writes between two intervals (to the common type of an {@code ARRAY[...]}'s elements, for
   * one) names its target type this way.
   */
  @Override
  public RelDataType createSqlType(SqlTypeName typeName) {
    return SqlTypeName.INTERVAL_TYPES.contains(typeName)
        ? interval(typeName, RelDataType.PRECISION_NOT_SPECIFIED, RelDataType.SCALE_NOT_SPECIFIED)
        : super.createSqlType(typeName);
  }

  /** {@link #createSqlType(SqlTypeName)} with a precision: an interval's leading precision. */
  @Override
  public RelDataType createSqlType(SqlTypeName typeName, int precision) {
    return SqlTypeName.INTERVAL_TYPES.contains(typeName)
        ? interval(typeName, precision, RelDataType.SCALE_NOT_SPECIFIED)
        : super.createSqlType(typeName, precision);
  }

  /** {@link #createSqlType(SqlTypeName)} with a precision and a scale: an interval's fractional second digits. */
  @Override
  public RelDataType createSqlType(SqlTypeName typeName, int precision, int scale) {
    return SqlTypeName.INTERVAL_TYPES.contains(typeName)
        ? interval(typeName, precision, scale)
        : super.createSqlType(typeName, precision, scale);
  }

  private RelDataType interval(SqlTypeName typeName, int startPrecision, int fractionalPrecision) {
    TimeUnit start = typeName.getStartUnit();
    TimeUnit end = typeName.getEndUnit() == start ? null : typeName.getEndUnit();
    return createSqlIntervalType(
        new SqlIntervalQualifier(start, startPrecision, end, fractionalPrecision, SqlParserPos.ZERO));
  }

  /**
   * Calcite's common type, except for intervals of different fields: day-time intervals share
   * {@code INTERVAL DAY TO SECOND(3)} and year-month ones {@code INTERVAL YEAR TO MONTH} (as Flink's planner holds
   * every such value in milliseconds or months), and a day-time with a year-month interval has no common type
   * (null, so that the caller names the mismatch; Calcite itself would fail an assertion).
   */
  @Override
  public RelDataType leastRestrictive(List<RelDataType> types) {
    boolean dayTime = false;
    boolean yearMonth = false;
    boolean nullable = false;
    RelDataType first = null;
    boolean allEqual = true;
    for (RelDataType type : types) {
      SqlTypeName name = type.getSqlTypeName();
      if (name == SqlTypeName.NULL) {
        nullable = true;
        continue;
      }
      if (!SqlTypeName.INTERVAL_TYPES.contains(name)) {
        return super.leastRestrictive(types);
      }
      dayTime |= SqlTypeName.DAY_INTERVAL_TYPES.contains(name);
      yearMonth |= SqlTypeName.YEAR_INTERVAL_TYPES.contains(name);
      nullable |= type.isNullable();
      allEqual &= first == null || createTypeWithNullability(first, true).equals(createTypeWithNullability(type, true));
      first = first == null ? type : first;
    }
    if (first == null || allEqual) {
      return super.leastRestrictive(types);
    }
    if (dayTime && yearMonth) {
      return null;
    }
    SqlIntervalQualifier common = dayTime
        ? new SqlIntervalQualifier(TimeUnit.DAY, 2, TimeUnit.SECOND, 3, SqlParserPos.ZERO)
        : new SqlIntervalQualifier(TimeUnit.YEAR, TimeUnit.MONTH, SqlParserPos.ZERO);
    return createTypeWithNullability(createSqlIntervalType(common), nullable);
  }

  /** UTF-16, as in Flink, so that string literals may hold any character. */
  @Override
  public Charset getDefaultCharset() {
    return Charset.forName(ConversionUtil.NATIVE_UTF16_CHARSET_NAME);
  }

  /**
   * The logical type of a Calcite type, nullability included: the inverse of
   * {@link #createFieldTypeFromLogicalType(LogicalType)}, also for the types Calcite derives itself (REAL is FLOAT,
   * the type of the literal {@code ''} is the empty CHAR).
   *
   * Intervals become Flink's {@code INTERVAL MONTH} and {@code INTERVAL SECOND(3)}, whatever their fields.
   *
   * @throws ValidationException for a Calcite type Spate SQL has no logical type for
   */
  public static LogicalType toLogicalType(RelDataType relType) {
    boolean nullable = relType.isNullable();
    switch (relType.getSqlTypeName()) {
      case BOOLEAN:
        return new BooleanType(nullable);
      case TINYINT:
        return new TinyIntType(nullable);
      case SMALLINT:
        return new SmallIntType(nullable);
      case INTEGER:
        return new IntType(nullable);
      case BIGINT:
        return new BigIntType(nullable);
      case REAL:
      case FLOAT:
        return new FloatType(nullable);
      case DOUBLE:
        return new DoubleType(nullable);
      case DECIMAL:
        return new DecimalType(nullable, relType.getPrecision(), relType.getScale());
      case CHAR:
        return relType.getPrecision() == 0
            ? CharType.ofEmptyLiteral().copy(nullable)
            : new CharType(nullable, relType.getPrecision());
      case VARCHAR:
        return relType.getPrecision() == 0
            ? VarCharType.ofEmptyLiteral().copy(nullable)
            : new VarCharType(nullable, relType.getPrecision());
      case BINARY:
        return relType.getPrecision() == 0
            ? BinaryType.ofEmptyLiteral().copy(nullable)
            : new BinaryType(nullable, relType.getPrecision());
      case VARBINARY:
        return relType.getPrecision() == 0
            ? VarBinaryType.ofEmptyLiteral().copy(nullable)
            : new VarBinaryType(nullable, relType.getPrecision());
      case DATE:
        return new DateType(nullable);
      case TIME:
        return new TimeType(nullable, relType.getPrecision());
      case TIMESTAMP:
        return new TimestampType(nullable, relType.getPrecision());
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
        return new LocalZonedTimestampType(nullable, relType.getPrecision());
      case NULL:
        return new NullType();
      case ARRAY:
        return new ArrayType(nullable, toLogicalType(relType.getComponentType()));
      case MULTISET:
        return new MultisetType(nullable, toLogicalType(relType.getComponentType()));
      case MAP:
        return new MapType(nullable, toLogicalType(relType.getKeyType()), toLogicalType(relType.getValueType()));
      case ROW:
        List<RowField> fields = new ArrayList<>();
        for (RelDataTypeField field : relType.getFieldList()) {
          fields.add(new RowField(field.getName(), toLogicalType(field.getType())));
        }
        return new RowType(nullable, fields);
      default:
        // As Flink's planner: every interval value is in months or in milliseconds.
        if (SqlTypeName.YEAR_INTERVAL_TYPES.contains(relType.getSqlTypeName())) {
          return YearMonthIntervalType.ofMonths(nullable);
        }
        if (SqlTypeName.DAY_INTERVAL_TYPES.contains(relType.getSqlTypeName())) {
          if (relType.getIntervalQualifier().getStartPrecisionPreservingDefault() > 3) {
            throw new ValidationException("Day-time intervals with a leading precision above 3 are not supported"
                + " (as in Flink): " + relType.getFullTypeString());
          }
          return DayTimeIntervalType.ofMillis(nullable);
        }
        throw new ValidationException(
            "The SQL type " + relType.getFullTypeString() + " is not supported by Spate SQL yet.");
    }
  }

  private List<RelDataType> fieldTypes(RowType rowType) {
    List<RelDataType> types = new ArrayList<>();
    for (LogicalType fieldType : rowType.getChildren()) {
      types.add(createFieldTypeFromLogicalType(fieldType));
    }
    return types;
  }
}
