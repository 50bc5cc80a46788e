package io.spate.table.planner.calcite;

import io.spate.api.annotation.Internal;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.type.SqlTypeMappingRule;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;
import org.apache.calcite.sql.validate.implicit.TypeCoercionImpl;

/**
 * Calcite's implicit casts, but none between two day-time or two year-month intervals: Spate holds every
 * day-time interval in milliseconds and every year-month interval in months, as Flink does, so such a cast would
 * change nothing, and Calcite cannot spell one (its cast of an {@code INSERT}'s or an {@code ARRAY[...]}'s
 * intervals to another interval qualifier fails while converting the statement).
 */
@Internal
public final class SpateTypeCoercion extends TypeCoercionImpl {

  /** The coercion of {@code validator}'s statements, with types of {@code typeFactory}. */
  public SpateTypeCoercion(RelDataTypeFactory typeFactory, SqlValidator validator) {
    super(typeFactory, validator);
  }

  @Override
  protected boolean needToCast(SqlValidatorScope scope, SqlNode node, RelDataType toType) {
    return !sameIntervalKind(scope, node, toType) && super.needToCast(scope, node, toType);
  }

  @Override
  protected boolean needToCast(SqlValidatorScope scope, SqlNode node, RelDataType toType,
      SqlTypeMappingRule mappingRule) {
    return !sameIntervalKind(scope, node, toType) && super.needToCast(scope, node, toType, mappingRule);
  }

  private boolean sameIntervalKind(SqlValidatorScope scope, SqlNode node, RelDataType toType) {
    SqlTypeName to = toType.getSqlTypeName();
    if (!SqlTypeName.INTERVAL_TYPES.contains(to)) {
      return false;
    }
    return SpateRexBuilder.sameIntervalKind(validator.deriveType(scope, node).getSqlTypeName(), to);
  }
}
