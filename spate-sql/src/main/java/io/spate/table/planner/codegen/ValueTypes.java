package io.spate.table.planner.codegen;

import io.spate.api.annotation.Internal;
import io.spate.table.runtime.expr.ValueType;
import io.spate.table.runtime.expr.ValueType.Kind;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;

/** The run-time {@link ValueType} of a Calcite type. */
@Internal
public final class ValueTypes {

  private ValueTypes() {}

  /** The run-time view of {@code type}. */
  public static ValueType of(RelDataType type) {
    SqlTypeName name = type.getSqlTypeName();
    Kind kind = kindOf(name);
    int precision = name.allowsPrec() ? type.getPrecision() : -1;
    int scale = name.allowsScale() ? type.getScale() : -1;
    return new ValueType(kind, precision, scale);
  }

  private static Kind kindOf(SqlTypeName name) {
    switch (name) {
      case BOOLEAN:
        return Kind.BOOLEAN;
      case TINYINT:
        return Kind.TINYINT;
      case SMALLINT:
        return Kind.SMALLINT;
      case INTEGER:
        return Kind.INT;
      case BIGINT:
        return Kind.BIGINT;
      case FLOAT:
      case REAL:
        return Kind.FLOAT;
      case DOUBLE:
        return Kind.DOUBLE;
      case DECIMAL:
        return Kind.DECIMAL;
      case CHAR:
        return Kind.CHAR;
      case VARCHAR:
        return Kind.VARCHAR;
      case BINARY:
      case VARBINARY:
        return Kind.BINARY;
      case DATE:
        return Kind.DATE;
      case TIME:
        return Kind.TIME;
      case TIMESTAMP:
        return Kind.TIMESTAMP;
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
        return Kind.TIMESTAMP_LTZ;
      case ARRAY:
        return Kind.ARRAY;
      case MAP:
        return Kind.MAP;
      case MULTISET:
        return Kind.MULTISET;
      case ROW:
        return Kind.ROW;
      case NULL:
        return Kind.NULL;
      default:
        if (SqlTypeName.YEAR_INTERVAL_TYPES.contains(name)) {
          return Kind.INTERVAL_MONTHS;
        }
        if (SqlTypeName.DAY_INTERVAL_TYPES.contains(name)) {
          return Kind.INTERVAL_MILLIS;
        }
        return Kind.OTHER;
    }
  }
}
