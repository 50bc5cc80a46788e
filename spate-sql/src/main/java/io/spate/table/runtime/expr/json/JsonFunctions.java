package io.spate.table.runtime.expr.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spate.api.annotation.Internal;
import io.spate.api.types.Row;
import io.spate.table.runtime.expr.Casts;
import io.spate.table.runtime.expr.Numbers;
import io.spate.table.runtime.expr.ValueType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The run-time part of Flink's JSON functions over Jackson's tree model: parsing JSON text, the
 * items a path selects, a scalar item as an SQL value, a sequence as {@code JSON_QUERY}'s text, and
 * SQL values as JSON for {@code JSON_STRING}, {@code JSON_OBJECT} and {@code JSON_ARRAY}.
 */
@Internal
public final class JsonFunctions {

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  private JsonFunctions() {}

  /** What {@code IS JSON} checks for. */
  public enum JsonKind {
    VALUE, SCALAR, ARRAY, OBJECT
  }

  /** How {@code JSON_QUERY} wraps the items its path selects. */
  public enum Wrapper {
    /** The single item, which must be an object or an array. */
    WITHOUT_ARRAY,
    /** The items in an array, unless they are one object or array. */
    WITH_CONDITIONAL_ARRAY,
    /** The items in an array. */
    WITH_UNCONDITIONAL_ARRAY
  }

  /** {@code text} parsed as JSON; text that is no JSON value fails. */
  public static JsonNode parse(String text) {
    try {
      JsonNode node = MAPPER.readTree(text);
      if (node == null || node.isMissingNode()) {
        throw new JsonPathException("Not a JSON value: an empty text");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new JsonPathException("Not a JSON value: " + abbreviate(text) + " (" + e.getOriginalMessage() + ")");
    }
  }

  /** Whether {@code text} is a JSON value of {@code kind}. */
  public static boolean isJson(String text, JsonKind kind) {
    JsonNode node;
    try {
      node = parse(text);
    } catch (JsonPathException e) {
      return false;
    }
    switch (kind) {
      case SCALAR:
        return node.isValueNode();
      case ARRAY:
        return node.isArray();
      case OBJECT:
        return node.isObject();
      default:
        return true;
    }
  }

  /** The items {@code path} selects in the JSON text {@code json}; bad JSON, or a strict path that does not fit, fails. */
  public static List<JsonNode> select(String json, JsonPath path) {
    return path.evaluate(parse(json));
  }

  /**
   * What {@code JSON_QUERY} selects with {@code path} in {@code json}: the items of a definite path,
   * else (a path with a wildcard) one array of all the items, even of one or none, as in Flink.
   */
  public static List<JsonNode> selectForQuery(String json, JsonPath path) {
    List<JsonNode> items = select(json, path);
    if (path.isDefinite()) {
      return items;
    }
    ArrayNode array = NODES.arrayNode();
    items.forEach(array::add);
    return List.of(array);
  }

  /**
   * The scalar {@code item} as a value of {@code type} ({@code JSON_VALUE ... RETURNING type}); an
   * object, an array or a value that does not convert fails. JSON's null is SQL's NULL.
   */
  public static Object scalar(JsonNode item, ValueType type, ZoneId zone) {
    if (item.isNull()) {
      return null;
    }
    if (item.isContainerNode()) {
      throw new JsonPathException("JSON_VALUE selects a scalar, not " + abbreviate(item.toString()));
    }
    ValueType.Kind kind = type.kind();
    if (kind.isString()) {
      return item.asText();
    }
    if (item.isNumber() && kind.isNumeric()) {
      return Numbers.convert(item.decimalValue(), type);
    }
    if (item.isBoolean() && kind == ValueType.Kind.BOOLEAN) {
      return item.booleanValue();
    }
    return Casts.cast(item.asText(), ValueType.of(ValueType.Kind.VARCHAR), type, zone);
  }

  /**
   * {@code items} as {@code JSON_QUERY}'s text with {@code wrapper}; without a wrapper anything but
   * one object or array fails. The caller handles an empty sequence.
   */
  public static String query(List<JsonNode> items, Wrapper wrapper) {
    boolean single = items.size() == 1 && items.get(0).isContainerNode();
    if (wrapper == Wrapper.WITHOUT_ARRAY || wrapper == Wrapper.WITH_CONDITIONAL_ARRAY && single) {
      if (!single) {
        throw new JsonPathException("JSON_QUERY without an array wrapper selects one object or array, not "
            + (items.size() == 1 ? "the scalar " + items.get(0) : items.size() + " items"));
      }
      return write(items.get(0));
    }
    ArrayNode array = NODES.arrayNode();
    items.forEach(array::add);
    return write(array);
  }

  /** {@code node} as compact JSON text. */
  public static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Could not write JSON " + node, e);
    }
  }

  /** An empty JSON array's or object's text, for {@code EMPTY ARRAY} and {@code EMPTY OBJECT} behaviours. */
  public static String empty(boolean array) {
    return array ? "[]" : "{}";
  }

  /**
   * The SQL value {@code value} as JSON: numbers, booleans and strings as themselves, arrays as
   * arrays, maps as objects, rows as arrays of their fields, anything else as its text; {@code
   * zone} is the session's, for the text of times.
   */
  public static JsonNode toNode(Object value, ValueType type, ZoneId zone) {
    if (value == null) {
      return NODES.nullNode();
    }
    if (value instanceof JsonNode node) {
      return node;
    }
    if (value instanceof String s) {
      return NODES.textNode(s);
    }
    if (value instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (value instanceof Integer i) {
      return NODES.numberNode(i);
    }
    if (value instanceof Long l) {
      return NODES.numberNode(l);
    }
    if (value instanceof Short s) {
      return NODES.numberNode(s);
    }
    if (value instanceof Byte b) {
      return NODES.numberNode(b);
    }
    if (value instanceof Double d) {
      return NODES.numberNode(d);
    }
    if (value instanceof Float f) {
      return NODES.numberNode(f);
    }
    if (value instanceof BigDecimal d) {
      return NODES.numberNode(d);
    }
    if (value instanceof BigInteger i) {
      return NODES.numberNode(i);
    }
    if (value instanceof byte[] bytes) {
      return NODES.binaryNode(bytes);
    }
    if (value instanceof Object[] elements) {
      ArrayNode array = NODES.arrayNode();
      for (Object element : elements) {
        array.add(toNode(element, null, zone));
      }
      return array;
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode object = NODES.objectNode();
      map.forEach((k, v) -> object.set(String.valueOf(k), toNode(v, null, zone)));
      return object;
    }
    if (value instanceof Row row) {
      ArrayNode array = NODES.arrayNode();
      for (int i = 0; i < row.getArity(); i++) {
        array.add(toNode(row.getField(i), null, zone));
      }
      return array;
    }
    return NODES.textNode(type == null ? value.toString() : Casts.toText(value, type, zone));
  }

  /** A new, empty JSON object, for {@code JSON_OBJECT} to fill. */
  public static ObjectNode newObject() {
    return NODES.objectNode();
  }

  /** A new, empty JSON array, for {@code JSON_ARRAY} to fill. */
  public static ArrayNode newArray() {
    return NODES.arrayNode();
  }

  private static String abbreviate(String text) {
    return text.length() <= 60 ? "'" + text + "'" : "'" + text.substring(0, 57) + "...'";
  }
}
