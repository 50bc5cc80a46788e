package io.spate.table.runtime.operators.aggregate;

import io.spate.api.annotation.Internal;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.typeinfo.Types;
import io.spate.api.types.Row;
import io.spate.table.runtime.expr.ValueType;
import io.spate.table.runtime.expr.json.JsonFunctions;
import io.spate.table.runtime.expr.json.JsonPathException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Flink's JSON aggregates: {@code JSON_ARRAYAGG(value)} (the values in an array, in the order they
 * came) and {@code JSON_OBJECTAGG(KEY k VALUE v)} (an object of the pairs, its keys sorted; a key
 * twice fails). Each keeps its items as JSON text, so it takes rows back too and runs over changelogs.
 */
@Internal
public final class JsonAggFunctions {

  private JsonAggFunctions() {}

  /** {@code JSON_ARRAYAGG} of field {@code field} (of {@code type}); with {@code absentOnNull} NULLs are left out. */
  public static AggFunction arrayAgg(int field, int filter, ValueType type, boolean absentOnNull) {
    return new ArrayAgg(field, filter, type, absentOnNull);
  }

  /** {@code JSON_OBJECTAGG} of the keys in {@code keyField} and the values in {@code valueField}. */
  public static AggFunction objectAgg(int keyField, int valueField, int filter, ValueType valueType,
      boolean absentOnNull) {
    return new ObjectAgg(keyField, valueField, filter, valueType, absentOnNull);
  }

  private static String json(Object value, ValueType type) {
    return JsonFunctions.write(JsonFunctions.toNode(value, type, ZoneOffset.UTC));
  }

  private static boolean filtered(int filter, Row input) {
    return filter >= 0 && !Boolean.TRUE.equals(input.getField(filter));
  }

  /** The values' JSON texts in a list. */
  private static final class ArrayAgg implements AggFunction {
    private static final long serialVersionUID = 1L;
    private final int field;
    private final int filter;
    private final ValueType type;
    private final boolean absentOnNull;

    ArrayAgg(int field, int filter, ValueType type, boolean absentOnNull) {
      this.field = field;
      this.filter = filter;
      this.type = type;
      this.absentOnNull = absentOnNull;
    }

    @Override
    public TypeInformation<?> accumulatorType() {
      return Types.LIST(Types.STRING);
    }

    @Override
    public Object createAccumulator() {
      return new ArrayList<String>();
    }

    @SuppressWarnings("unchecked")
    @Override
    public Object accumulate(Object acc, Row input) {
      Object value = input.getField(field);
      if (!filtered(filter, input) && !(value == null && absentOnNull)) {
        ((List<String>) acc).add(json(value, type));
      }
      return acc;
    }

    @SuppressWarnings("unchecked")
    @Override
    public Object retract(Object acc, Row input) {
      Object value = input.getField(field);
      if (!filtered(filter, input) && !(value == null && absentOnNull)) {
        ((List<String>) acc).remove(json(value, type));
      }
      return acc;
    }

    @SuppressWarnings("unchecked")
    @Override
    public Object getValue(Object acc) {
      return "[" + String.join(",", (List<String>) acc) + "]";
    }
  }

  /** The pairs' keys and JSON texts in a map. */
  private static final class ObjectAgg implements AggFunction {
    private static final long serialVersionUID = 1L;
    private final int keyField;
    private final int valueField;
    private final int filter;
    private final ValueType valueType;
    private final boolean absentOnNull;

    ObjectAgg(int keyField, int valueField, int filter, ValueType valueType, boolean absentOnNull) {
      this.keyField = keyField;
      this.valueField = valueField;
      this.filter = filter;
      this.valueType = valueType;
      this.absentOnNull = absentOnNull;
    }

    @Override
    public TypeInformation<?> accumulatorType() {
      return Types.MAP(Types.STRING, Types.STRING);
    }

    @Override
    public Object createAccumulator() {
      return new HashMap<String, String>();
    }

    @SuppressWarnings("unchecked")
    @Override
    public Object accumulate(Object acc, Row input) {
      Object key = input.getField(keyField);
      Object value = input.getField(valueField);
      if (filtered(filter, input) || value == null && absentOnNull) {
        return acc;
      }
      if (key == null) {
        throw new JsonPathException("JSON_OBJECTAGG's key is NULL; keys must not be NULL");
      }
      Map<String, String> pairs = (Map<String, String>) acc;
      if (pairs.putIfAbsent(key.toString(), json(value, valueType)) != null) {
        throw new JsonPathException("JSON_OBJECTAGG found the key '" + key + "' twice; keys must be unique");
      }
      return acc;
    }

    @SuppressWarnings("unchecked")
    @Override
    public Object retract(Object acc, Row input) {
      Object key = input.getField(keyField);
      if (!filtered(filter, input) && key != null) {
        ((Map<String, String>) acc).remove(key.toString());
      }
      return acc;
    }

    @SuppressWarnings("unchecked")
    @Override
    public Object getValue(Object acc) {
      StringBuilder out = new StringBuilder("{");
      for (Map.Entry<String, String> pair : new TreeMap<>((Map<String, String>) acc).entrySet()) {
        out.append(out.length() > 1 ? "," : "").append(JsonFunctions.write(JsonFunctions.toNode(pair.getKey(), null,
            null))).append(':').append(pair.getValue());
      }
      return out.append('}').toString();
    }
  }
}
