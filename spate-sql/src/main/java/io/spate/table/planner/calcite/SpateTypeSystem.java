package io.spate.table.planner.calcite;

import io.spate.api.annotation.Internal;
import io.spate.table.types.logical.DecimalType;
import io.spate.table.types.logical.LocalZonedTimestampType;
import io.spate.table.types.logical.LogicalType;
import io.spate.table.types.logical.TimeType;
import io.spate.table.types.logical.TimestampType;
import io.spate.table.types.logical.VarCharType;
import io.spate.table.types.logical.utils.LogicalTypeMerging;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Calcite's type rules set to Flink's: decimals of up to 38 digits, timestamps and times of up to 9 fractional
 * digits ({@code TIMESTAMP} defaults to 6), {@code VARCHAR} without a length is {@code STRING}, {@code SUM} and
 * {@code AVG} keep an integer argument's type, and decimal arithmetic derives precision and scale as
 * {@link LogicalTypeMerging} does.
 */
@Internal
public class SpateTypeSystem extends RelDataTypeSystemImpl {

  /** The type system; it has no state. */
  public static final SpateTypeSystem INSTANCE = new SpateTypeSystem();

  /** A type system; prefer {@link #INSTANCE}. */
  protected SpateTypeSystem() {}

  /** Flink's defaults: unbounded VARCHAR/VARBINARY, TIMESTAMP(6), TIMESTAMP_LTZ(6), Calcite's for the rest. */
  @Override
  public int getDefaultPrecision(SqlTypeName typeName) {
    switch (typeName) {
      case VARCHAR:
      case VARBINARY:
        return VarCharType.MAX_LENGTH;
      case TIMESTAMP:
        return TimestampType.DEFAULT_PRECISION;
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
        return LocalZonedTimestampType.DEFAULT_PRECISION;
      case TIME:
        return TimeType.DEFAULT_PRECISION;
      case DECIMAL:
        return DecimalType.DEFAULT_PRECISION;
      default:
        return super.getDefaultPrecision(typeName);
    }
  }

  /** Flink's limits: 2147483647 for strings, 9 for times and timestamps, 38 for decimals. */
  @Override
  public int getMaxPrecision(SqlTypeName typeName) {
    switch (typeName) {
      case VARCHAR:
      case CHAR:
      case VARBINARY:
      case BINARY:
        return VarCharType.MAX_LENGTH;
      case TIME:
        return TimeType.MAX_PRECISION;
      case TIMESTAMP:
        return TimestampType.MAX_PRECISION;
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
        return LocalZonedTimestampType.MAX_PRECISION;
      case DECIMAL:
        return DecimalType.MAX_PRECISION;
      default:
        return super.getMaxPrecision(typeName);
    }
  }

  /** A decimal's scale may be as large as its largest precision, 38. */
  @Override
  public int getMaxScale(SqlTypeName typeName) {
    return typeName == SqlTypeName.DECIMAL ? DecimalType.MAX_PRECISION : super.getMaxScale(typeName);
  }

  /** {@code 'a'} and {@code 'abc'} in one UNION or CASE are VARCHAR(3), not CHAR(3) padded with blanks. */
  @Override
  public boolean shouldConvertRaggedUnionTypesToVarying() {
    return true;
  }

  /** {@code SUM} of a {@code DECIMAL(p, s)} is a {@code DECIMAL(38, s)}; of any other type, that type. */
  @Override
  public RelDataType deriveSumType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
    if (argumentType.getSqlTypeName() != SqlTypeName.DECIMAL) {
      return argumentType;
    }
    return decimal(typeFactory, LogicalTypeMerging.findSumAggType(asDecimal(argumentType)), argumentType.isNullable());
  }

  /** {@code AVG} of a {@code DECIMAL(p, s)} is a {@code DECIMAL(38, max(6, s))}; of any other type, that type. */
  @Override
  public RelDataType deriveAvgAggType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
    if (argumentType.getSqlTypeName() != SqlTypeName.DECIMAL) {
      return argumentType;
    }
    return decimal(typeFactory, LogicalTypeMerging.findAvgAggType(asDecimal(argumentType)), argumentType.isNullable());
  }

  @Override
  public RelDataType deriveDecimalPlusType(RelDataTypeFactory typeFactory, RelDataType type1, RelDataType type2) {
    return deriveDecimal(typeFactory, type1, type2, LogicalTypeMerging::findAdditionDecimalType);
  }

  @Override
  public RelDataType deriveDecimalMultiplyType(
      RelDataTypeFactory typeFactory, RelDataType type1, RelDataType type2) {
    return deriveDecimal(typeFactory, type1, type2, LogicalTypeMerging::findMultiplicationDecimalType);
  }

  @Override
  public RelDataType deriveDecimalDivideType(RelDataTypeFactory typeFactory, RelDataType type1, RelDataType type2) {
    return deriveDecimal(typeFactory, type1, type2, LogicalTypeMerging::findDivisionDecimalType);
  }

  /** As Flink: the divisor's type when neither operand has a fractional part. */
  @Override
  public RelDataType deriveDecimalModType(RelDataTypeFactory typeFactory, RelDataType type1, RelDataType type2) {
    RelDataType result = deriveDecimal(typeFactory, type1, type2, LogicalTypeMerging::findModuloDecimalType);
    if (result != null && scaleOf(type1) == 0 && scaleOf(type2) == 0) {
      return type2;
    }
    return result;
  }

  /** A rule deriving a decimal result from the precisions and scales of two decimal operands. */
  @FunctionalInterface
  private interface DecimalRule {
    DecimalType apply(int precision1, int scale1, int precision2, int scale2);
  }

  /**
   * The decimal result of two exact numeric operands of which at least one is a decimal (an integer operand
   * counts as the decimal of its digits, BIGINT as DECIMAL(19, 0), INT as DECIMAL(10, 0)); null, so that Calcite's
   * own rule applies, for any other pair.
   */
  private static RelDataType deriveDecimal(
      RelDataTypeFactory typeFactory, RelDataType type1, RelDataType type2, DecimalRule rule) {
    if (!SqlTypeUtil.isExactNumeric(type1) || !SqlTypeUtil.isExactNumeric(type2)
        || !(SqlTypeUtil.isDecimal(type1) || SqlTypeUtil.isDecimal(type2))) {
      return null;
    }
    // An integer type's precision is its number of decimal digits: BIGINT has 19, INT 10.
    DecimalType result = rule.apply(type1.getPrecision(), scaleOf(type1), type2.getPrecision(), scaleOf(type2));
    return decimal(typeFactory, result, type1.isNullable() || type2.isNullable());
  }

  private static int scaleOf(RelDataType type) {
    return SqlTypeUtil.isDecimal(type) ? type.getScale() : 0;
  }

  private static DecimalType asDecimal(RelDataType type) {
    return new DecimalType(type.getPrecision(), type.getScale());
  }

  private static RelDataType decimal(RelDataTypeFactory typeFactory, LogicalType type, boolean nullable) {
    DecimalType decimal = (DecimalType) type;
    RelDataType result = typeFactory.createSqlType(SqlTypeName.DECIMAL, decimal.getPrecision(), decimal.getScale());
    return typeFactory.createTypeWithNullability(result, nullable);
  }
}
