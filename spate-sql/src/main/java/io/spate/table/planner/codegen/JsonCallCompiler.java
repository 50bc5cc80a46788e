package io.spate.table.planner.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spate.api.annotation.Internal;
import io.spate.table.api.ValidationException;
import io.spate.table.runtime.expr.Casts;
import io.spate.table.runtime.expr.Expr;
import io.spate.table.runtime.expr.ValueType;
import io.spate.table.runtime.expr.json.JsonFunctions;
import io.spate.table.runtime.expr.json.JsonPath;
import io.spate.table.runtime.expr.json.JsonPathException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlJsonConstructorNullClause;
import org.apache.calcite.sql.SqlJsonEmptyOrError;
import org.apache.calcite.sql.SqlJsonExistsErrorBehavior;
import org.apache.calcite.sql.SqlJsonQueryEmptyOrErrorBehavior;
import org.apache.calcite.sql.SqlJsonQueryWrapperBehavior;
import org.apache.calcite.sql.SqlJsonValueEmptyOrErrorBehavior;

/**
 * Compiles Flink's JSON functions as Calcite's validator hands them over ({@code IS [NOT] JSON kind},
 * {@code JSON_EXISTS}, {@code JSON_VALUE}, {@code JSON_QUERY}, {@code JSON_OBJECT}, {@code JSON_ARRAY},
 * {@code JSON_STRING}; their ON EMPTY / ON ERROR clauses as symbol operands) into expressions over
 * {@link JsonFunctions}. A constant path is parsed while planning, so a malformed one fails the
 * statement naming the position.
 */
@Internal
final class JsonCallCompiler {

  private static final Set<String> NAMES = Set.of("JSON_EXISTS", "JSON_VALUE", "JSON_QUERY", "JSON_OBJECT",
      "JSON_ARRAY", "JSON_STRING", "JSON_TYPE");

  private final ExprCompiler compiler;
  private final ZoneId zone;

  JsonCallCompiler(ExprCompiler compiler, ZoneId zone) {
    this.compiler = compiler;
    this.zone = zone;
  }

  /** Whether {@code call} is a JSON function this compiler handles. */
  static boolean handles(RexCall call) {
    String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
    return NAMES.contains(name) || name.startsWith("IS JSON ") || name.startsWith("IS NOT JSON ");
  }

  Expr compile(RexCall call) {
    String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
    if (name.startsWith("IS JSON ") || name.startsWith("IS NOT JSON ")) {
      return isJson(call, name);
    }
    switch (name) {
      case "JSON_EXISTS":
        return exists(call);
      case "JSON_VALUE":
        return value(call);
      case "JSON_QUERY":
        return query(call);
      case "JSON_OBJECT":
        return object(call);
      case "JSON_ARRAY":
        return array(call);
      case "JSON_STRING": {
        Expr value = compiler.compile(call.getOperands().get(0));
        ValueType type = ValueTypes.of(call.getOperands().get(0).getType());
        ZoneId sessionZone = zone;
        return row -> {
          Object v = value.eval(row);
          return v == null ? null : JsonFunctions.write(JsonFunctions.toNode(v, type, sessionZone));
        };
      }
      default:
        // JSON_TYPE marks its operand as JSON text; outside a JSON constructor it is that text.
        return compiler.compile(call.getOperands().get(0));
    }
  }

  private Expr isJson(RexCall call, String name) {
    boolean negated = name.startsWith("IS NOT JSON ");
    JsonFunctions.JsonKind kind = JsonFunctions.JsonKind.valueOf(name.substring(name.lastIndexOf(' ') + 1));
    Expr text = compiler.compile(call.getOperands().get(0));
    // NULL is no JSON value: IS JSON gives FALSE for it (and IS NOT JSON TRUE), never NULL.
    return row -> {
      Object t = text.eval(row);
      return t == null ? negated : JsonFunctions.isJson((String) t, kind) != negated;
    };
  }

  private Expr exists(RexCall call) {
    List<RexNode> operands = call.getOperands();
    Expr json = compiler.compile(operands.get(0));
    PathSource path = path(operands.get(1));
    SqlJsonExistsErrorBehavior onError = operands.size() > 2
        ? (SqlJsonExistsErrorBehavior) symbol(operands.get(2)) : SqlJsonExistsErrorBehavior.FALSE;
    Boolean errorResult = onError == SqlJsonExistsErrorBehavior.TRUE ? Boolean.TRUE
        : onError == SqlJsonExistsErrorBehavior.FALSE ? Boolean.FALSE : null;
    boolean raise = onError == SqlJsonExistsErrorBehavior.ERROR;
    return row -> {
      Object j = json.eval(row);
      JsonPath p = path.of(row);
      if (j == null || p == null) {
        return null;
      }
      try {
        // As in Flink, a wildcard's or a filter's result is an array, which exists even when it is empty.
        return !JsonFunctions.select((String) j, p).isEmpty() || p.selectsArray();
      } catch (JsonPathException e) {
        if (raise) {
          throw e;
        }
        return errorResult;
      }
    };
  }

  /** How {@code JSON_VALUE} answers an empty result or an error: NULL, an error, or a default. */
  private record Fallback(boolean raise, Expr value) implements java.io.Serializable {
    static final Fallback NULL = new Fallback(false, null);
  }

  private Expr value(RexCall call) {
    List<RexNode> operands = call.getOperands();
    Expr json = compiler.compile(operands.get(0));
    PathSource path = path(operands.get(1));
    ValueType type = ValueTypes.of(call.getType());
    Fallback onEmpty = Fallback.NULL;
    Fallback onError = Fallback.NULL;
    for (int i = 2; i < operands.size(); i++) {
      SqlJsonValueEmptyOrErrorBehavior behavior = (SqlJsonValueEmptyOrErrorBehavior) symbol(operands.get(i));
      Fallback fallback = Fallback.NULL;
      if (behavior == SqlJsonValueEmptyOrErrorBehavior.ERROR) {
        fallback = new Fallback(true, null);
      } else if (behavior == SqlJsonValueEmptyOrErrorBehavior.DEFAULT) {
        RexNode defaultNode = operands.get(++i);
        fallback = new Fallback(false, converted(compiler.compile(defaultNode), ValueTypes.of(defaultNode.getType()),
            type));
      }
      if (symbol(operands.get(++i)) == SqlJsonEmptyOrError.EMPTY) {
        onEmpty = fallback;
      } else {
        onError = fallback;
      }
    }
    Fallback empty = onEmpty;
    Fallback error = onError;
    ZoneId sessionZone = zone;
    return row -> {
      Object j = json.eval(row);
      JsonPath p = path.of(row);
      if (j == null || p == null) {
        return null;
      }
      List<JsonNode> items;
      try {
        items = JsonFunctions.select((String) j, p);
        if (p.selectsArray()) {
          // As in Flink: a wildcard or a filter gives an array (even of one item), no scalar; strict mode
          // takes that for an error, lax for empty.
          if (p.isStrict()) {
            throw new JsonPathException("JSON_VALUE in strict mode selects a scalar, but " + p
                + " gives an array: " + JsonFunctions.selectForQuery((String) j, p).get(0));
          }
          items = List.of();
        }
        if (items.size() > 1) {
          throw new JsonPathException("JSON_VALUE selects one scalar, but " + p + " selects " + items.size()
              + " items");
        }
        if (!items.isEmpty()) {
          return JsonFunctions.scalar(items.get(0), type, sessionZone);
        }
      } catch (RuntimeException e) {
        if (error.raise()) {
          throw e;
        }
        return error.value() == null ? null : error.value().eval(row);
      }
      if (empty.raise()) {
        throw new JsonPathException("JSON_VALUE found nothing at " + p + " (ERROR ON EMPTY)");
      }
      return empty.value() == null ? null : empty.value().eval(row);
    };
  }

  private Expr converted(Expr value, ValueType from, ValueType to) {
    ZoneId sessionZone = zone;
    return row -> Casts.cast(value.eval(row), from, to, sessionZone);
  }

  private Expr query(RexCall call) {
    List<RexNode> operands = call.getOperands();
    Expr json = compiler.compile(operands.get(0));
    PathSource path = path(operands.get(1));
    SqlJsonQueryWrapperBehavior wrapperBehavior = operands.size() > 2
        ? (SqlJsonQueryWrapperBehavior) symbol(operands.get(2)) : SqlJsonQueryWrapperBehavior.WITHOUT_ARRAY;
    JsonFunctions.Wrapper wrapper = JsonFunctions.Wrapper.valueOf(wrapperBehavior.name());
    SqlJsonQueryEmptyOrErrorBehavior onEmpty = operands.size() > 3
        ? (SqlJsonQueryEmptyOrErrorBehavior) symbol(operands.get(3)) : SqlJsonQueryEmptyOrErrorBehavior.NULL;
    SqlJsonQueryEmptyOrErrorBehavior onError = operands.size() > 4
        ? (SqlJsonQueryEmptyOrErrorBehavior) symbol(operands.get(4)) : SqlJsonQueryEmptyOrErrorBehavior.NULL;
    String emptyResult = fallbackText(onEmpty);
    String errorResult = fallbackText(onError);
    boolean raiseOnEmpty = onEmpty == SqlJsonQueryEmptyOrErrorBehavior.ERROR;
    boolean raiseOnError = onError == SqlJsonQueryEmptyOrErrorBehavior.ERROR;
    JsonQueryReturning returning = JsonQueryReturning.of(call, List.of(onEmpty, onError));
    return row -> {
      Object j = json.eval(row);
      JsonPath p = path.of(row);
      if (j == null || p == null) {
        return null;
      }
      List<JsonNode> items;
      try {
        items = JsonFunctions.selectForQuery((String) j, p);
        if (!items.isEmpty()) {
          return returning.convert(JsonFunctions.query(items, wrapper));
        }
      } catch (JsonPathException e) {
        if (raiseOnError) {
          throw e;
        }
        return returning.convert(errorResult);
      }
      if (raiseOnEmpty) {
        throw new JsonPathException("JSON_QUERY found nothing at " + p + " (ERROR ON EMPTY)");
      }
      return returning.convert(emptyResult);
    };
  }

  private static String fallbackText(SqlJsonQueryEmptyOrErrorBehavior behavior) {
    return behavior == SqlJsonQueryEmptyOrErrorBehavior.EMPTY_ARRAY ? JsonFunctions.empty(true)
        : behavior == SqlJsonQueryEmptyOrErrorBehavior.EMPTY_OBJECT ? JsonFunctions.empty(false) : null;
  }

  private Expr object(RexCall call) {
    List<RexNode> operands = call.getOperands();
    boolean absentOnNull = symbol(operands.get(0)) == SqlJsonConstructorNullClause.ABSENT_ON_NULL;
    List<Expr> keys = new ArrayList<>();
    List<Expr> values = new ArrayList<>();
    for (int i = 1; i + 1 < operands.size(); i += 2) {
      keys.add(compiler.compile(operands.get(i)));
      values.add(jsonValue(operands.get(i + 1)));
    }
    Expr[] keyExprs = keys.toArray(new Expr[0]);
    Expr[] valueExprs = values.toArray(new Expr[0]);
    return row -> {
      ObjectNode object = JsonFunctions.newObject();
      for (int i = 0; i < keyExprs.length; i++) {
        Object key = keyExprs[i].eval(row);
        if (key == null) {
          throw new JsonPathException("JSON_OBJECT's key " + (i + 1) + " is NULL; keys must not be NULL");
        }
        JsonNode value = (JsonNode) valueExprs[i].eval(row);
        if (!(absentOnNull && value.isNull())) {
          object.set(key.toString(), value);
        }
      }
      return JsonFunctions.write(object);
    };
  }

  private Expr array(RexCall call) {
    List<RexNode> operands = call.getOperands();
    boolean absentOnNull = symbol(operands.get(0)) == SqlJsonConstructorNullClause.ABSENT_ON_NULL;
    List<Expr> values = new ArrayList<>();
    for (RexNode operand : operands.subList(1, operands.size())) {
      values.add(jsonValue(operand));
    }
    Expr[] valueExprs = values.toArray(new Expr[0]);
    return row -> {
      ArrayNode array = JsonFunctions.newArray();
      for (Expr valueExpr : valueExprs) {
        JsonNode value = (JsonNode) valueExpr.eval(row);
        if (!(absentOnNull && value.isNull())) {
          array.add(value);
        }
      }
      return JsonFunctions.write(array);
    };
  }

  /**
   * A constructor's value operand as a JSON node: the result of a nested {@code JSON_OBJECT} or
   * {@code JSON_ARRAY} embedded as JSON, as in Flink, any other value (also one that Calcite's validator
   * marks with {@code JSON_TYPE}, such as a {@code JSON_VALUE}) converted.
   */
  private Expr jsonValue(RexNode operand) {
    if (operand instanceof RexCall marked && marked.getOperator().getName().equalsIgnoreCase("JSON_TYPE")) {
      operand = marked.getOperands().get(0);
    }
    if (operand instanceof RexCall nested && isConstructor(nested)) {
      Expr text = compiler.compile(nested);
      return row -> {
        Object t = text.eval(row);
        return t == null ? JsonFunctions.toNode(null, null, null) : JsonFunctions.parse((String) t);
      };
    }
    Expr value = compiler.compile(operand);
    ValueType type = ValueTypes.of(operand.getType());
    ZoneId sessionZone = zone;
    return row -> JsonFunctions.toNode(value.eval(row), type, sessionZone);
  }

  private static boolean isConstructor(RexCall call) {
    String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
    return name.equals("JSON_OBJECT") || name.equals("JSON_ARRAY");
  }

  /** The path operand: parsed once if constant (a malformed one fails now), else per row. */
  private PathSource path(RexNode operand) {
    if (operand instanceof RexLiteral literal) {
      Object text = compiler.literalValue(literal);
      if (text == null) {
        return row -> null;
      }
      JsonPath parsed;
      try {
        parsed = JsonPath.parse((String) text);
      } catch (JsonPathException e) {
        throw new ValidationException(e.getMessage());
      }
      return row -> parsed;
    }
    Expr text = compiler.compile(operand);
    return row -> {
      Object t = text.eval(row);
      return t == null ? null : JsonPath.parse((String) t);
    };
  }

  private Object symbol(RexNode operand) {
    return ((RexLiteral) operand).getValue();
  }

  /** The path of a row. */
  @FunctionalInterface
  private interface PathSource extends java.io.Serializable {
    JsonPath of(io.spate.api.types.Row row);
  }
}
