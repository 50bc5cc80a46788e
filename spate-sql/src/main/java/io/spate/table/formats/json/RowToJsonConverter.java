package io.spate.table.formats.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spate.api.annotation.Internal;
import io.spate.api.types.Row;
import io.spate.table.formats.common.TemporalText;
import io.spate.table.formats.common.TimestampFormat;
import io.spate.table.types.logical.ArrayType;
import io.spate.table.types.logical.IntType;
import io.spate.table.types.logical.LogicalType;
import io.spate.table.types.logical.MapType;
import io.spate.table.types.logical.MultisetType;
import io.spate.table.types.logical.RowType;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Base64;
import java.util.Map;

/**
 * Turns the Java value of a SQL type into JSON, as Flink's json format writes it: rows into objects,
 * arrays into arrays, maps into objects (keys as text), bytes as base64, times as text, NULL as JSON null.
 */
@Internal
public final class RowToJsonConverter implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  /** Converts one non-null value. */
  @FunctionalInterface
  interface ValueConverter extends Serializable {
    JsonNode convert(Object value);
  }

  private final TimestampFormat timestampFormat;
  private final MapNullKeyMode mapNullKeyMode;
  private final String mapNullKeyLiteral;
  private final boolean ignoreNullFields;
  private final ValueConverter root;

  /** A converter of rows of {@code rowType} into JSON objects. */
  public RowToJsonConverter(RowType rowType, TimestampFormat timestampFormat, MapNullKeyMode mapNullKeyMode,
      String mapNullKeyLiteral, boolean ignoreNullFields) {
    this.timestampFormat = timestampFormat;
    this.mapNullKeyMode = mapNullKeyMode;
    this.mapNullKeyLiteral = mapNullKeyLiteral;
    this.ignoreNullFields = ignoreNullFields;
    this.root = rowConverter(rowType, "");
  }

  /** The JSON object of {@code row}. */
  public ObjectNode convert(Row row) {
    return (ObjectNode) root.convert(row);
  }

  private ValueConverter converter(LogicalType type, String path) {
    ValueConverter plain = plainConverter(type, path);
    return value -> value == null ? NODES.nullNode() : plain.convert(value);
  }

  private ValueConverter plainConverter(LogicalType type, String path) {
    switch (type.getTypeRoot()) {
      case BOOLEAN:
        return value -> NODES.booleanNode((Boolean) value);
      case TINYINT:
        return value -> NODES.numberNode((Byte) value);
      case SMALLINT:
        return value -> NODES.numberNode((Short) value);
      case INTEGER:
      case INTERVAL_YEAR_MONTH: // a number of months, as in Flink
        return value -> NODES.numberNode((Integer) value);
      case BIGINT:
      case INTERVAL_DAY_TIME: // a number of milliseconds, as in Flink
        return value -> NODES.numberNode((Long) value);
      case FLOAT:
        return value -> NODES.numberNode((Float) value);
      case DOUBLE:
        return value -> NODES.numberNode((Double) value);
      case DECIMAL:
        return value -> NODES.numberNode((BigDecimal) value);
      case CHAR:
      case VARCHAR:
        return value -> NODES.textNode((String) value);
      case BINARY:
      case VARBINARY:
        return value -> NODES.textNode(Base64.getEncoder().encodeToString((byte[]) value));
      case DATE:
        return value -> NODES.textNode(TemporalText.date((LocalDate) value));
      case TIME_WITHOUT_TIME_ZONE:
        return value -> NODES.textNode(TemporalText.time((LocalTime) value));
      case TIMESTAMP_WITHOUT_TIME_ZONE: {
        TimestampFormat format = timestampFormat;
        return value -> NODES.textNode(TemporalText.timestamp((LocalDateTime) value, format));
      }
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE: {
        TimestampFormat format = timestampFormat;
        return value -> NODES.textNode(TemporalText.timestampLtz((Instant) value, format));
      }
      case ARRAY: {
        ValueConverter element = converter(((ArrayType) type).getElementType(), path + "[]");
        return value -> {
          ArrayNode array = NODES.arrayNode();
          for (Object e : (Object[]) value) {
            array.add(element.convert(e));
          }
          return array;
        };
      }
      case MAP: {
        MapType map = (MapType) type;
        return mapConverter(map.getKeyType(), converter(map.getValueType(), path + "{}"), path);
      }
      case MULTISET:
        return mapConverter(((MultisetType) type).getElementType(), converter(new IntType(), path + "{}"), path);
      case ROW:
        return rowConverter((RowType) type, path);
      default:
        throw new io.spate.table.api.ValidationException("The json format does not write columns of type "
            + type.asSummaryString() + " (field '" + path + "')");
    }
  }

  private ValueConverter mapConverter(LogicalType keyType, ValueConverter value, String path) {
    ValueConverter key = converter(keyType, path + " key");
    MapNullKeyMode mode = mapNullKeyMode;
    String literal = mapNullKeyLiteral;
    return map -> {
      ObjectNode object = NODES.objectNode();
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) map).entrySet()) {
        String name;
        if (entry.getKey() == null) {
          if (mode == MapNullKeyMode.DROP) {
            continue;
          }
          if (mode == MapNullKeyMode.FAIL) {
            throw new IllegalArgumentException("field '" + path + "' has a map entry with a NULL key, which JSON cannot"
                + " write; set 'json.map-null-key.mode' to 'DROP' or 'LITERAL'");
          }
          name = literal;
        } else {
          JsonNode keyNode = key.convert(entry.getKey());
          name = keyNode.isTextual() ? keyNode.textValue() : keyNode.toString();
        }
        object.set(name, value.convert(entry.getValue()));
      }
      return object;
    };
  }

  private ValueConverter rowConverter(RowType rowType, String path) {
    int arity = rowType.getFieldCount();
    String[] names = rowType.getFieldNames().toArray(new String[0]);
    ValueConverter[] fields = new ValueConverter[arity];
    for (int i = 0; i < arity; i++) {
      fields[i] = converter(rowType.getTypeAt(i), path.isEmpty() ? names[i] : path + "." + names[i]);
    }
    boolean skipNulls = ignoreNullFields;
    return value -> {
      Row row = (Row) value;
      ObjectNode object = NODES.objectNode();
      for (int i = 0; i < arity; i++) {
        Object field = row.getField(i);
        if (field == null && skipNulls) {
          continue;
        }
        object.set(names[i], fields[i].convert(field));
      }
      return object;
    };
  }
}
