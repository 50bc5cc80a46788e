package io.spate.table.formats.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.spate.api.annotation.Internal;
import io.spate.api.types.Row;
import io.spate.table.formats.common.TemporalText;
import io.spate.table.formats.common.TimestampFormat;
import io.spate.table.runtime.typeutils.TypeInfos;
import io.spate.table.types.logical.ArrayType;
import io.spate.table.types.logical.DecimalType;
import io.spate.table.types.logical.LocalZonedTimestampType;
import io.spate.table.types.logical.LogicalType;
import io.spate.table.types.logical.MapType;
import io.spate.table.types.logical.MultisetType;
import io.spate.table.types.logical.RowType;
import io.spate.table.types.logical.TimeType;
import io.spate.table.types.logical.TimestampType;
import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a parsed JSON value into the Java value of a SQL type, as Flink's json format reads it:
 * objects into {@code ROW} (by field name) and {@code MAP}, arrays into {@code ARRAY}, JSON null and
 * missing fields into NULL, numbers also from text, any JSON into a {@code STRING} column as its text.
 */
@Internal
public final class JsonToRowConverter implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Converts one JSON value; {@code node} is never null or JSON null. */
  @FunctionalInterface
  interface ValueConverter extends Serializable {
    Object convert(JsonNode node) throws IOException;
  }

  private final boolean failOnMissingField;
  private final TimestampFormat timestampFormat;
  private final ValueConverter root;

  /** A converter of JSON objects into rows of {@code rowType}. */
  public JsonToRowConverter(RowType rowType, boolean failOnMissingField, TimestampFormat timestampFormat) {
    this.failOnMissingField = failOnMissingField;
    this.timestampFormat = timestampFormat;
    this.root = rowConverter(rowType, "");
  }

  /** The row the JSON object {@code node} holds; fails naming the field that is wrong. */
  public Row convert(JsonNode node) throws IOException {
    if (node == null || node.isNull()) {
      throw new IOException("the record is JSON null, not an object");
    }
    return (Row) root.convert(node);
  }

  private ValueConverter nullable(ValueConverter converter, String path, LogicalType type) {
    return node -> {
      if (node == null || node.isNull() || node.isMissingNode()) {
        return null;
      }
      try {
        return converter.convert(node);
      } catch (FieldException e) {
        throw e;
      } catch (IOException | RuntimeException e) {
        throw new FieldException("field '" + path + "' (" + type.asSummaryString() + "): " + e.getMessage(), e);
      }
    };
  }

  private ValueConverter converter(LogicalType type, String path) {
    return nullable(plainConverter(type, path), path, type);
  }

  private ValueConverter plainConverter(LogicalType type, String path) {
    switch (type.getTypeRoot()) {
      case BOOLEAN:
        return node -> node.isBoolean() ? node.booleanValue() : parseBoolean(text(node));
      case TINYINT:
        return node -> node.isIntegralNumber() ? checkedByte(node.longValue()) : Byte.parseByte(text(node).trim());
      case SMALLINT:
        return node -> node.isIntegralNumber() ? checkedShort(node.longValue()) : Short.parseShort(text(node).trim());
      case INTEGER:
      case INTERVAL_YEAR_MONTH: // a number of months, as in Flink
        return node -> node.isIntegralNumber() && node.canConvertToInt() ? node.intValue()
            : Integer.parseInt(text(node).trim());
      case BIGINT:
      case INTERVAL_DAY_TIME: // a number of milliseconds, as in Flink
        return node -> node.isIntegralNumber() && node.canConvertToLong() ? node.longValue()
            : Long.parseLong(text(node).trim());
      case FLOAT:
        return node -> node.isNumber() ? node.floatValue() : Float.parseFloat(text(node).trim());
      case DOUBLE:
        return node -> node.isNumber() ? node.doubleValue() : Double.parseDouble(text(node).trim());
      case DECIMAL: {
        DecimalType decimal = (DecimalType) type;
        int precision = decimal.getPrecision();
        int scale = decimal.getScale();
        return node -> {
          BigDecimal value = node.isNumber() ? node.decimalValue() : new BigDecimal(text(node).trim());
          BigDecimal scaled = value.setScale(scale, RoundingMode.HALF_UP);
          // As Flink: a value with more digits than the precision allows is NULL.
          return scaled.precision() > precision ? null : scaled;
        };
      }
      case CHAR:
      case VARCHAR:
        return node -> node.isValueNode() ? node.asText() : node.toString();
      case BINARY:
      case VARBINARY:
        return node -> {
          if (!node.isTextual() && !node.isBinary()) {
            throw new IOException("expected base64 text, got " + node.getNodeType());
          }
          return node.isBinary() ? node.binaryValue() : Base64.getDecoder().decode(node.asText());
        };
      case DATE:
        return node -> TemporalText.parseDate(text(node));
      case TIME_WITHOUT_TIME_ZONE: {
        int precision = ((TimeType) type).getPrecision();
        return node -> TemporalText.parseTime(text(node), precision);
      }
      case TIMESTAMP_WITHOUT_TIME_ZONE: {
        int precision = ((TimestampType) type).getPrecision();
        TimestampFormat format = timestampFormat;
        return node -> TemporalText.parseTimestamp(text(node), format, false, precision);
      }
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE: {
        int precision = ((LocalZonedTimestampType) type).getPrecision();
        TimestampFormat format = timestampFormat;
        return node -> TemporalText.parseTimestampLtz(text(node), format, false, precision);
      }
      case ARRAY: {
        LogicalType elementType = ((ArrayType) type).getElementType();
        ValueConverter element = converter(elementType, path + "[]");
        Class<?> elementClass = TypeInfos.of(elementType).getTypeClass();
        return node -> {
          if (!node.isArray()) {
            throw new IOException("expected a JSON array, got " + node.getNodeType());
          }
          Object[] array = (Object[]) java.lang.reflect.Array.newInstance(elementClass, node.size());
          for (int i = 0; i < array.length; i++) {
            array[i] = element.convert(node.get(i));
          }
          return array;
        };
      }
      case MAP: {
        MapType map = (MapType) type;
        return mapConverter(map.getKeyType(), converter(map.getValueType(), path + "{}"), path);
      }
      case MULTISET:
        return mapConverter(((MultisetType) type).getElementType(), converter(new io.spate.table.types.logical.IntType(),
            path + "{}"), path);
      case ROW:
        return rowConverter((RowType) type, path);
      default:
        throw new io.spate.table.api.ValidationException("The json format does not read columns of type "
            + type.asSummaryString() + " (field '" + path + "')");
    }
  }

  private ValueConverter mapConverter(LogicalType keyType, ValueConverter value, String path) {
    ValueConverter key = converter(keyType, path + " key");
    return node -> {
      if (!node.isObject()) {
        throw new IOException("expected a JSON object, got " + node.getNodeType());
      }
      Map<Object, Object> map = new LinkedHashMap<>();
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> entry = fields.next();
        map.put(key.convert(com.fasterxml.jackson.databind.node.TextNode.valueOf(entry.getKey())),
            value.convert(entry.getValue()));
      }
      return map;
    };
  }

  private ValueConverter rowConverter(RowType rowType, String path) {
    int arity = rowType.getFieldCount();
    String[] names = rowType.getFieldNames().toArray(new String[0]);
    ValueConverter[] fields = new ValueConverter[arity];
    for (int i = 0; i < arity; i++) {
      fields[i] = converter(rowType.getTypeAt(i), path.isEmpty() ? names[i] : path + "." + names[i]);
    }
    boolean failOnMissing = failOnMissingField;
    ValueConverter row = node -> {
      if (!node.isObject()) {
        throw new IOException("expected a JSON object, got " + node.getNodeType());
      }
      Row result = new Row(arity);
      for (int i = 0; i < arity; i++) {
        JsonNode field = node.get(names[i]);
        if (field == null && failOnMissing) {
          String fieldPath = path.isEmpty() ? names[i] : path + "." + names[i];
          throw new FieldException("field '" + fieldPath + "' is missing (json.fail-on-missing-field is set)", null);
        }
        result.setField(i, fields[i].convert(field));
      }
      return result;
    };
    return row;
  }

  private static String text(JsonNode node) throws IOException {
    if (!node.isValueNode()) {
      throw new IOException("expected a JSON value, got " + node.getNodeType());
    }
    return node.asText();
  }

  private static Boolean parseBoolean(String text) {
    String trimmed = text.trim();
    if (trimmed.equalsIgnoreCase("true")) {
      return true;
    }
    if (trimmed.equalsIgnoreCase("false")) {
      return false;
    }
    throw new IllegalArgumentException("'" + text + "' is not a BOOLEAN");
  }

  private static byte checkedByte(long value) {
    if (value < Byte.MIN_VALUE || value > Byte.MAX_VALUE) {
      throw new IllegalArgumentException(value + " is out of the range of a TINYINT");
    }
    return (byte) value;
  }

  private static short checkedShort(long value) {
    if (value < Short.MIN_VALUE || value > Short.MAX_VALUE) {
      throw new IllegalArgumentException(value + " is out of the range of a SMALLINT");
    }
    return (short) value;
  }

  /** A conversion error that already names its field. */
  static final class FieldException extends IOException {
    private static final long serialVersionUID = 1L;

    FieldException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
