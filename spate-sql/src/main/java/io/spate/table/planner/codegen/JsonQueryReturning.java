package io.spate.table.planner.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import io.spate.table.api.ValidationException;
import io.spate.table.runtime.expr.json.JsonFunctions;
import io.spate.table.runtime.expr.json.JsonPathException;
import java.io.Serializable;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.sql.SqlJsonQueryEmptyOrErrorBehavior;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The {@code RETURNING} type of a {@code JSON_QUERY} call, as Flink has it: {@code STRING} (the JSON
 * text, the default) or {@code ARRAY<STRING>} (the elements of the JSON array the query gives: a
 * string element as its text, another as its JSON text, JSON's null as NULL).
 */
record JsonQueryReturning(boolean array) implements Serializable {

  /** The returning type of {@code call}; a type other than a string or an array of strings fails the planning. */
  static JsonQueryReturning of(RexCall call, List<SqlJsonQueryEmptyOrErrorBehavior> fallbacks) {
    RelDataType type = call.getType();
    if (SqlTypeFamily.CHARACTER.contains(type)) {
      return new JsonQueryReturning(false);
    }
    if (type.getSqlTypeName() == SqlTypeName.ARRAY
        && SqlTypeFamily.CHARACTER.contains(type.getComponentType())) {
      if (fallbacks.contains(SqlJsonQueryEmptyOrErrorBehavior.EMPTY_OBJECT)) {
        throw new ValidationException("JSON_QUERY ... RETURNING ARRAY<STRING> cannot give EMPTY OBJECT ON EMPTY"
            + " or ON ERROR: an object is no array; use EMPTY ARRAY or NULL");
      }
      return new JsonQueryReturning(true);
    }
    throw new ValidationException("JSON_QUERY returns STRING or ARRAY<STRING>, not " + type.getFullTypeString()
        + "; use JSON_VALUE ... RETURNING for a scalar of another type");
  }

  /** The JSON text {@code text} (or null) as a value of this type; an array result needs an array. */
  Object convert(String text) {
    if (text == null || !array) {
      return text;
    }
    JsonNode node = JsonFunctions.parse(text);
    if (!node.isArray()) {
      throw new JsonPathException("JSON_QUERY ... RETURNING ARRAY<STRING> needs a JSON array, not " + text);
    }
    Object[] elements = new Object[node.size()];
    for (int i = 0; i < elements.length; i++) {
      JsonNode element = node.get(i);
      elements[i] = element.isNull() ? null : element.isTextual() ? element.asText() : JsonFunctions.write(element);
    }
    return elements;
  }
}
