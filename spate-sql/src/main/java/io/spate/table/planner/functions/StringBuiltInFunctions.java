package io.spate.table.planner.functions;

import static io.spate.table.planner.functions.BuiltInFunction.fixedChar;
import static io.spate.table.planner.functions.BuiltInFunction.nullableString;
import static io.spate.table.planner.functions.BuiltInFunction.ofType;
import static io.spate.table.planner.functions.BuiltInFunction.string;

import io.spate.api.annotation.Internal;
import java.util.List;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Flink's built-in string functions that neither Calcite's standard operators nor {@link
 * FlinkFunctions} have, with Flink's signatures and result types.
 */
@Internal
public final class StringBuiltInFunctions {

  private static final SqlTypeFamily STRING = SqlTypeFamily.CHARACTER;
  private static final SqlTypeFamily INT = SqlTypeFamily.INTEGER;
  private static final SqlFunctionCategory CATEGORY = SqlFunctionCategory.STRING;

  private StringBuiltInFunctions() {}

  /** The functions, to chain into the planner's operator table. */
  public static List<SqlOperator> operators() {
    return List.of(
        BuiltInFunction.of("LPAD", nullableString(), OperandTypes.family(STRING, INT, STRING), CATEGORY),
        BuiltInFunction.of("RPAD", nullableString(), OperandTypes.family(STRING, INT, STRING), CATEGORY),
        BuiltInFunction.of("REPEAT", string(), OperandTypes.family(STRING, INT), CATEGORY),
        BuiltInFunction.of("REVERSE", nullableString(), OperandTypes.family(STRING), CATEGORY),
        BuiltInFunction.of("LEFT", string(), OperandTypes.family(STRING, INT), CATEGORY),
        BuiltInFunction.of("RIGHT", string(), OperandTypes.family(STRING, INT), CATEGORY),
        BuiltInFunction.of("SUBSTR", string(), OperandTypes.or(OperandTypes.family(STRING, INT),
            OperandTypes.family(STRING, INT, INT)), CATEGORY),
        BuiltInFunction.of("LOCATE", ofType(SqlTypeName.INTEGER), OperandTypes.or(OperandTypes.family(STRING, STRING),
            OperandTypes.family(STRING, STRING, INT)), CATEGORY),
        BuiltInFunction.of("INSTR", ofType(SqlTypeName.INTEGER), OperandTypes.family(STRING, STRING), CATEGORY),
        BuiltInFunction.of("CHR", nullableString(), OperandTypes.family(INT), CATEGORY),
        BuiltInFunction.of("HEX", string(), OperandTypes.or(OperandTypes.family(INT), OperandTypes.family(STRING)),
            CATEGORY),
        BuiltInFunction.of("BIN", string(), OperandTypes.family(INT), CATEGORY),
        BuiltInFunction.of("TO_BASE64", string(), OperandTypes.family(STRING), CATEGORY),
        BuiltInFunction.of("FROM_BASE64", string(), OperandTypes.family(STRING), CATEGORY),
        BuiltInFunction.of("MD5", fixedChar(32), OperandTypes.family(STRING), CATEGORY),
        BuiltInFunction.of("SHA1", fixedChar(40), OperandTypes.family(STRING), CATEGORY),
        BuiltInFunction.of("SHA224", fixedChar(56), OperandTypes.family(STRING), CATEGORY),
        BuiltInFunction.of("SHA256", fixedChar(64), OperandTypes.family(STRING), CATEGORY),
        BuiltInFunction.of("SHA384", fixedChar(96), OperandTypes.family(STRING), CATEGORY),
        BuiltInFunction.of("SHA512", fixedChar(128), OperandTypes.family(STRING), CATEGORY),
        BuiltInFunction.of("SHA2", nullableString(), OperandTypes.family(STRING, INT), CATEGORY),
        BuiltInFunction.of("STR_TO_MAP", binding -> BuiltInFunction.nullableIfArgs(binding,
                binding.getTypeFactory().createMapType(
                    binding.getTypeFactory().createSqlType(SqlTypeName.VARCHAR, Integer.MAX_VALUE),
                    binding.getTypeFactory().createTypeWithNullability(
                        binding.getTypeFactory().createSqlType(SqlTypeName.VARCHAR, Integer.MAX_VALUE), true))),
            OperandTypes.or(OperandTypes.family(STRING), OperandTypes.family(STRING, STRING, STRING)), CATEGORY),
        BuiltInFunction.of("REGEXP", ofType(SqlTypeName.BOOLEAN), OperandTypes.family(STRING, STRING), CATEGORY),
        // Flink's UUID() is a CHAR(36) NOT NULL, drawn anew for each call.
        BuiltInFunction.perRecord("UUID", binding -> binding.getTypeFactory().createSqlType(SqlTypeName.CHAR, 36),
            OperandTypes.NILADIC, CATEGORY));
  }
}
