package io.spate.table.planner.functions;

import io.spate.api.annotation.Internal;
import java.util.List;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql2rel.SqlRexConvertlet;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;
import org.apache.calcite.sql2rel.StandardConvertletTable;

/**
 * Keeps a {@code CAST} of a column to the timestamp type it has ({@code CAST(click_time AS TIMESTAMP(3))}): Calcite
 * drops such a cast, but in Flink it makes a time attribute a plain timestamp, which is how a query that has
 * several event-time attributes keeps one for a sink or a DataStream. The cast becomes a call of {@link #FUNCTION},
 * which gives its operand's value.
 */
@Internal
public final class TimeAttributeCasts implements SqlRexConvertletTable {

  /** The function a kept cast becomes: its operand's value, of its type, but no time attribute. */
  public static final SqlFunction FUNCTION = new SqlFunction("CAST_TIME_ATTRIBUTE", SqlKind.OTHER_FUNCTION,
      ReturnTypes.ARG0, null, OperandTypes.ANY, SqlFunctionCategory.TIMEDATE);

  /** The convertlets of Calcite's standard table, with such casts kept. */
  public static final TimeAttributeCasts CONVERTLETS = new TimeAttributeCasts();

  private TimeAttributeCasts() {}

  @Override
  public SqlRexConvertlet get(SqlCall call) {
    SqlRexConvertlet standard = StandardConvertletTable.INSTANCE.get(call);
    if (standard == null || call.getKind() != SqlKind.CAST) {
      return standard;
    }
    return (context, castCall) -> {
      RexNode converted = standard.convertCall(context, castCall);
      SqlTypeName type = converted.getType().getSqlTypeName();
      boolean timestamp = type == SqlTypeName.TIMESTAMP || type == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE;
      // Only a column can be a time attribute, and only a cast to its own type would be dropped.
      if (timestamp && converted instanceof RexCall cast && cast.getKind() == SqlKind.CAST
          && cast.getOperands().get(0) instanceof RexInputRef column
          && SqlTypeUtil.equalSansNullability(column.getType(), cast.getType())) {
        return context.getRexBuilder().makeCall(cast.getType(), FUNCTION, List.of(column));
      }
      return converted;
    };
  }
}
