package io.spate.table.api;

import io.spate.api.annotation.Internal;
import io.spate.api.types.Row;
import io.spate.table.expressions.Expression;
import io.spate.table.expressions.SqlLiterals;
import io.spate.table.types.DataType;
import io.spate.table.types.logical.LogicalType;
import io.spate.table.types.logical.RowType;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The query of {@code fromValues}: a {@code VALUES} clause of the given rows, with columns named
 * {@code f0, f1, ...} and typed by the values (a common type per column), or named and cast as a
 * row type says. A {@link Row} or {@code row(...)} is a row; any other value is a row of one column.
 */
@Internal
public final class ValuesQuery {

  private ValuesQuery() {}

  /** The query of {@code values}, typed by {@code rowType} if it is not null. */
  public static String of(DataType rowType, List<?> values) {
    List<List<String>> rows = new ArrayList<>();
    for (Object value : values) {
      rows.add(fields(value));
    }
    if (rowType == null) {
      return untyped(rows);
    }
    return typed(rowType, rows);
  }

  private static String untyped(List<List<String>> rows) {
    if (rows.isEmpty()) {
      throw new ValidationException("fromValues needs at least one row, or a row type: fromValues(DataTypes.ROW(...))"
          + " for an empty table");
    }
    int arity = rows.get(0).size();
    for (int i = 1; i < rows.size(); i++) {
      if (rows.get(i).size() != arity) {
        throw new ValidationException("fromValues: row " + (i + 1) + " has " + rows.get(i).size() + " fields, but row 1"
            + " has " + arity + "; every row needs the same number of fields");
      }
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < arity; i++) {
      names.add(SqlLiterals.identifier("f" + i));
    }
    return "SELECT * FROM (VALUES " + tuples(rows) + ") AS `v` (" + String.join(", ", names) + ")";
  }

  private static String typed(DataType rowType, List<List<String>> rows) {
    LogicalType logical = rowType.getLogicalType();
    List<String> names = new ArrayList<>();
    List<String> types = new ArrayList<>();
    if (logical instanceof RowType row) {
      for (RowType.RowField field : row.getFields()) {
        names.add(field.getName());
        types.add(field.getType().asSerializableString());
      }
    } else {
      names.add("f0");
      types.add(logical.asSerializableString());
    }
    List<String> aliases = names.stream().map(SqlLiterals::identifier).toList();
    if (rows.isEmpty()) {
      List<String> nulls = new ArrayList<>();
      for (int i = 0; i < types.size(); i++) {
        nulls.add("CAST(NULL AS " + types.get(i) + ") AS " + aliases.get(i));
      }
      return "SELECT " + String.join(", ", nulls) + " FROM (VALUES (0)) AS `v` (`f`) WHERE 1 = 0";
    }
    List<List<String>> cast = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      List<String> fields = rows.get(i);
      if (fields.size() != types.size()) {
        throw new ValidationException("fromValues: row " + (i + 1) + " has " + fields.size() + " values, but the row type "
            + logical.asSummaryString() + " has " + types.size() + " fields");
      }
      List<String> casted = new ArrayList<>();
      for (int f = 0; f < fields.size(); f++) {
        casted.add("CAST(" + fields.get(f) + " AS " + types.get(f) + ")");
      }
      cast.add(casted);
    }
    return "SELECT * FROM (VALUES " + tuples(cast) + ") AS `v` (" + String.join(", ", aliases) + ")";
  }

  private static String tuples(List<List<String>> rows) {
    List<String> tuples = new ArrayList<>();
    for (List<String> row : rows) {
      tuples.add("(" + String.join(", ", row) + ")");
    }
    return String.join(", ", tuples);
  }

  /** The SQL of the fields of the row {@code value} stands for. */
  private static List<String> fields(Object value) {
    if (value instanceof Row row) {
      List<String> fields = new ArrayList<>();
      for (int i = 0; i < row.getArity(); i++) {
        fields.add(sql(row.getField(i)));
      }
      return fields;
    }
    if (value instanceof ApiExpression expression && expression.rowFields() != null) {
      return expression.rowFields();
    }
    return List.of(sql(value));
  }

  /** {@code value} as SQL: an expression as itself, a row as {@code ROW(...)}, an array or list as {@code ARRAY[...]}. */
  static String sql(Object value) {
    if (value instanceof Expression expression) {
      return expression.asSerializableString();
    }
    if (value instanceof Row row) {
      List<String> fields = new ArrayList<>();
      for (int i = 0; i < row.getArity(); i++) {
        fields.add(sql(row.getField(i)));
      }
      return "ROW(" + String.join(", ", fields) + ")";
    }
    if (value instanceof byte[] bytes) {
      return "X'" + HexFormat.of().formatHex(bytes) + "'";
    }
    if (value instanceof List<?> list) {
      return array(list);
    }
    if (value != null && value.getClass().isArray()) {
      List<Object> elements = new ArrayList<>();
      for (int i = 0; i < Array.getLength(value); i++) {
        elements.add(Array.get(value, i));
      }
      return array(elements);
    }
    return SqlLiterals.literal(value);
  }

  private static String array(List<?> elements) {
    if (elements.isEmpty()) {
      throw new ValidationException("fromValues: an empty array has no type; give a row type with DataTypes.ARRAY(...)");
    }
    List<String> sql = new ArrayList<>();
    for (Object element : elements) {
      sql.add(sql(element));
    }
    return "ARRAY[" + String.join(", ", sql) + "]";
  }
}
