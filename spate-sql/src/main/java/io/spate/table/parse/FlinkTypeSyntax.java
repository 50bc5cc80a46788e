package io.spate.table.parse;

import io.spate.api.annotation.Internal;
import io.spate.table.api.SqlParserException;
import io.spate.table.api.ValidationException;
import io.spate.table.types.logical.ArrayType;
import io.spate.table.types.logical.DayTimeIntervalType;
import io.spate.table.types.logical.LocalZonedTimestampType;
import io.spate.table.types.logical.LogicalType;
import io.spate.table.types.logical.MapType;
import io.spate.table.types.logical.MultisetType;
import io.spate.table.types.logical.RowType;
import io.spate.table.types.logical.VarBinaryType;
import io.spate.table.types.logical.VarCharType;
import io.spate.table.types.logical.utils.LogicalTypeParser;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Rewrites the types that Flink writes in expressions and Calcite's parser does not take into the
 * Calcite spelling of the same type: the target of {@code CAST}/{@code TRY_CAST} and the {@code
 * RETURNING} type of {@code JSON_VALUE}/{@code JSON_QUERY}, when it is {@code TIMESTAMP_LTZ(p)} or
 * uses Flink's angle brackets ({@code ARRAY<STRING>}, {@code MAP<K, V>}, {@code ROW<a INT>}).
 * Other types, and everything else in the statement, stay as written, so that Calcite's error
 * positions stay right for statements that do not use these types.
 */
@Internal
public final class FlinkTypeSyntax {

  /** Words that end a {@code RETURNING} type: the start of the ON EMPTY/ON ERROR and wrapper clauses. */
  private static final Set<String> RETURNING_CLAUSE_STARTS = Set.of("WITH", "WITHOUT", "ERROR", "EMPTY", "DEFAULT");

  private FlinkTypeSyntax() {}

  /** {@code sql} with its Flink-only expression types in Calcite's spelling (unchanged if it has none). */
  public static String toCalcite(String sql) {
    List<SqlToken> tokens;
    try {
      tokens = SqlTokenizer.tokenize(sql);
    } catch (SqlParserException e) {
      return sql; // Calcite's parser reports the error with its place
    }
    StringBuilder out = null;
    int copied = 0;
    for (int i = 0; i < tokens.size(); i++) {
      int[] range = typeRange(tokens, i);
      if (range == null) {
        continue;
      }
      SqlToken first = tokens.get(range[0]);
      SqlToken last = tokens.get(range[1] - 1);
      String written = sql.substring(first.start(), last.end());
      if (!needsRewrite(tokens, range)) {
        continue;
      }
      String calcite = calciteType(written, first);
      if (out == null) {
        out = new StringBuilder(sql.length() + 32);
      }
      out.append(sql, copied, first.start()).append(calcite);
      copied = last.end();
      i = range[1] - 1;
    }
    return out == null ? sql : out.append(sql, copied, sql.length()).toString();
  }

  /**
   * The tokens {@code [from, to)} of the type that the token at {@code i} introduces: {@code AS} at
   * the top level of a {@code CAST(} or {@code TRY_CAST(}, or {@code RETURNING}; null for any other token.
   */
  private static int[] typeRange(List<SqlToken> tokens, int i) {
    SqlToken token = tokens.get(i);
    boolean returning = token.isWord("RETURNING");
    if (!returning && !(token.isWord("AS") && insideCast(tokens, i))) {
      return null;
    }
    int depth = 0;
    int angles = 0; // the commas of ROW<a INT, b INT> and MAP<K, V> are inside the type
    int end = i + 1;
    for (; tokens.get(end).kind() != SqlToken.Kind.END; end++) {
      SqlToken t = tokens.get(end);
      if (t.isSymbol("<")) {
        angles++;
      } else if (t.isSymbol(">") && angles > 0) {
        angles--;
      } else if (t.isSymbol("(")) {
        depth++;
      } else if (t.isSymbol(")")) {
        if (depth == 0) {
          break;
        }
        depth--;
      } else if (depth == 0 && angles == 0 && (t.isSymbol(",") || returning && endsReturningType(tokens, end))) {
        break;
      }
    }
    return end > i + 1 ? new int[] {i + 1, end} : null;
  }

  /** Whether the {@code AS} at {@code i} is at the top level of the innermost open {@code CAST(}/{@code TRY_CAST(}. */
  private static boolean insideCast(List<SqlToken> tokens, int i) {
    int depth = 0;
    for (int j = i - 1; j > 0; j--) {
      SqlToken t = tokens.get(j);
      if (t.isSymbol(")")) {
        depth++;
      } else if (t.isSymbol("(")) {
        if (depth == 0) {
          SqlToken function = tokens.get(j - 1);
          return function.isWord("CAST") || function.isWord("TRY_CAST");
        }
        depth--;
      }
    }
    return false;
  }

  private static boolean endsReturningType(List<SqlToken> tokens, int i) {
    SqlToken t = tokens.get(i);
    if (t.kind() != SqlToken.Kind.WORD) {
      return false;
    }
    String word = t.text().toUpperCase(Locale.ROOT);
    // NULL is the type's nullability unless ON follows (NULL ON EMPTY, NULL ON ERROR).
    return RETURNING_CLAUSE_STARTS.contains(word) || word.equals("NULL") && tokens.get(i + 1).isWord("ON");
  }

  private static boolean needsRewrite(List<SqlToken> tokens, int[] range) {
    for (int i = range[0]; i < range[1]; i++) {
      if (tokens.get(i).isWord("TIMESTAMP_LTZ") || tokens.get(i).isSymbol("<")) {
        return true;
      }
    }
    return false;
  }

  /** The Calcite spelling of the Flink type {@code written}, which starts at {@code first}. */
  private static String calciteType(String written, SqlToken first) {
    LogicalType type;
    try {
      type = LogicalTypeParser.parse(written);
    } catch (ValidationException e) {
      throw new SqlParserException("SQL parse failed. The type at " + first.position() + " is not valid: "
          + e.getMessage());
    }
    return spell(type);
  }

  /** {@code type} as Calcite's parser reads it; the outermost nullability is left to the expression. */
  static String spell(LogicalType type) {
    if (type instanceof LocalZonedTimestampType t) {
      return "TIMESTAMP(" + t.getPrecision() + ") WITH LOCAL TIME ZONE";
    }
    if (type instanceof VarCharType t && t.getLength() == VarCharType.MAX_LENGTH) {
      return "VARCHAR(" + VarCharType.MAX_LENGTH + ")";
    }
    if (type instanceof VarBinaryType t && t.getLength() == VarBinaryType.MAX_LENGTH) {
      return "VARBINARY(" + VarBinaryType.MAX_LENGTH + ")";
    }
    if (type instanceof DayTimeIntervalType t && t.getResolution() == DayTimeIntervalType.DayTimeResolution.SECOND) {
      // Calcite reads SECOND(p) as the leading precision; Flink's type string means the fractional one.
      return "INTERVAL SECOND(" + t.getDayPrecision() + ", " + t.getFractionalPrecision() + ")";
    }
    if (type instanceof ArrayType t) {
      return spell(t.getElementType()) + " ARRAY";
    }
    if (type instanceof MultisetType t) {
      return spell(t.getElementType()) + " MULTISET";
    }
    if (type instanceof MapType t) {
      return "MAP<" + spell(t.getKeyType()) + ", " + spell(t.getValueType()) + ">";
    }
    if (type instanceof RowType t) {
      StringBuilder row = new StringBuilder("ROW(");
      for (int i = 0; i < t.getFieldCount(); i++) {
        RowType.RowField field = t.getFields().get(i);
        row.append(i == 0 ? "" : ", ").append('`').append(field.getName().replace("`", "``")).append("` ")
            .append(spell(field.getType())).append(field.getType().isNullable() ? "" : " NOT NULL");
      }
      return row.append(')').toString();
    }
    return type.copy(true).asSerializableString();
  }
}
