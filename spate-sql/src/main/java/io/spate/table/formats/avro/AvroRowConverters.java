package io.spate.table.formats.avro;

import io.spate.api.annotation.Internal;
import io.spate.api.types.Row;
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
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;

/**
 * Converts between the Java values of a SQL type (a {@link Row}, {@link LocalDate}, {@link
 * BigDecimal}, ...) and Avro's generic representation of the schema {@link AvroSchemaConverter} gives
 * that type (a {@link GenericRecord}, days since the epoch, the decimal's unscaled bytes, ...). The
 * converters are built once per type and hold no state.
 */
@Internal
final class AvroRowConverters {

  /** Converts one SQL value (never null) to its Avro value. */
  @FunctionalInterface
  interface ToAvro {
    Object convert(Object value);
  }

  /** Converts one Avro value (never null) to its SQL value. */
  @FunctionalInterface
  interface FromAvro {
    Object convert(Object value);
  }

  private AvroRowConverters() {}

  /** The converter of rows of {@code type} to records of {@code schema} (the type's Avro schema). */
  static ToAvro toAvro(RowType type, Schema schema) {
    return toAvroValue(type, schema);
  }

  /** The converter of records read with the Avro schema of {@code type} to rows of it. */
  static FromAvro fromAvro(RowType type) {
    return fromAvroValue(type);
  }

  private static Schema nonNull(Schema schema) {
    if (schema.getType() != Schema.Type.UNION) {
      return schema;
    }
    for (Schema branch : schema.getTypes()) {
      if (branch.getType() != Schema.Type.NULL) {
        return branch;
      }
    }
    return schema;
  }

  private static ToAvro nullable(ToAvro converter) {
    return value -> value == null ? null : converter.convert(value);
  }

  private static FromAvro nullable(FromAvro converter) {
    return value -> value == null ? null : converter.convert(value);
  }

  private static ToAvro toAvroValue(LogicalType type, Schema schemaOrUnion) {
    Schema schema = nonNull(schemaOrUnion);
    switch (type.getTypeRoot()) {
      case BOOLEAN:
      case BIGINT:
      case FLOAT:
      case DOUBLE:
      case INTEGER:
        return value -> value;
      case TINYINT:
      case SMALLINT:
        return value -> ((Number) value).intValue();
      case CHAR:
      case VARCHAR:
        return Object::toString;
      case BINARY:
      case VARBINARY:
        return value -> ByteBuffer.wrap((byte[]) value);
      case DECIMAL: {
        int scale = ((DecimalType) type).getScale();
        return value -> ByteBuffer.wrap(((BigDecimal) value).setScale(scale, RoundingMode.HALF_UP).unscaledValue()
            .toByteArray());
      }
      case DATE:
        return value -> (int) ((LocalDate) value).toEpochDay();
      case TIME_WITHOUT_TIME_ZONE:
        return ((TimeType) type).getPrecision() <= 3
            ? value -> (int) (((LocalTime) value).toNanoOfDay() / 1_000_000L)
            : value -> ((LocalTime) value).toNanoOfDay() / 1_000L;
      case TIMESTAMP_WITHOUT_TIME_ZONE: {
        boolean millis = ((TimestampType) type).getPrecision() <= 3;
        return value -> epoch(((LocalDateTime) value).toInstant(ZoneOffset.UTC), millis);
      }
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE: {
        boolean millis = ((LocalZonedTimestampType) type).getPrecision() <= 3;
        return value -> epoch((Instant) value, millis);
      }
      case ARRAY: {
        ToAvro element = nullable(toAvroValue(((ArrayType) type).getElementType(), schema.getElementType()));
        return value -> {
          Object[] array = (Object[]) value;
          List<Object> list = new ArrayList<>(array.length);
          for (Object item : array) {
            list.add(element.convert(item));
          }
          return list;
        };
      }
      case MAP: {
        ToAvro mapValue = nullable(toAvroValue(((MapType) type).getValueType(), schema.getValueType()));
        return value -> {
          Map<?, ?> map = (Map<?, ?>) value;
          Map<String, Object> avro = new HashMap<>(map.size() * 2);
          map.forEach((k, v) -> avro.put(String.valueOf(k), mapValue.convert(v)));
          return avro;
        };
      }
      case MULTISET:
        return value -> {
          Map<?, ?> map = (Map<?, ?>) value;
          Map<String, Object> avro = new HashMap<>(map.size() * 2);
          map.forEach((k, v) -> avro.put(String.valueOf(k), v));
          return avro;
        };
      case ROW: {
        RowType row = (RowType) type;
        int arity = row.getFieldCount();
        ToAvro[] fields = new ToAvro[arity];
        for (int i = 0; i < arity; i++) {
          fields[i] = nullable(toAvroValue(row.getTypeAt(i), schema.getFields().get(i).schema()));
        }
        return value -> {
          Row source = (Row) value;
          GenericData.Record record = new GenericData.Record(schema);
          for (int i = 0; i < arity; i++) {
            record.put(i, fields[i].convert(source.getField(i)));
          }
          return record;
        };
      }
      default:
        throw new IllegalArgumentException("No Avro conversion of " + type.asSummaryString());
    }
  }

  private static long epoch(Instant instant, boolean millis) {
    if (millis) {
      return instant.toEpochMilli();
    }
    return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000L);
  }

  private static Instant instant(long value, boolean millis) {
    return millis ? Instant.ofEpochMilli(value) : Instant.EPOCH.plus(value, ChronoUnit.MICROS);
  }

  private static FromAvro fromAvroValue(LogicalType type) {
    switch (type.getTypeRoot()) {
      case BOOLEAN:
      case DOUBLE:
        return value -> value;
      case TINYINT:
        return value -> ((Number) value).byteValue();
      case SMALLINT:
        return value -> ((Number) value).shortValue();
      case INTEGER:
        return value -> ((Number) value).intValue();
      case BIGINT:
        return value -> ((Number) value).longValue();
      case FLOAT:
        return value -> ((Number) value).floatValue();
      case CHAR:
      case VARCHAR:
        return Object::toString;
      case BINARY:
      case VARBINARY:
        return AvroRowConverters::bytes;
      case DECIMAL: {
        int scale = ((DecimalType) type).getScale();
        return value -> new BigDecimal(new BigInteger(bytes(value)), scale);
      }
      case DATE:
        return value -> LocalDate.ofEpochDay(((Number) value).longValue());
      case TIME_WITHOUT_TIME_ZONE:
        return ((TimeType) type).getPrecision() <= 3
            ? value -> LocalTime.ofNanoOfDay(((Number) value).longValue() * 1_000_000L)
            : value -> LocalTime.ofNanoOfDay(((Number) value).longValue() * 1_000L);
      case TIMESTAMP_WITHOUT_TIME_ZONE: {
        boolean millis = ((TimestampType) type).getPrecision() <= 3;
        return value -> LocalDateTime.ofInstant(instant(((Number) value).longValue(), millis), ZoneOffset.UTC);
      }
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE: {
        boolean millis = ((LocalZonedTimestampType) type).getPrecision() <= 3;
        return value -> instant(((Number) value).longValue(), millis);
      }
      case ARRAY: {
        LogicalType elementType = ((ArrayType) type).getElementType();
        FromAvro element = nullable(fromAvroValue(elementType));
        Class<?> elementClass = TypeInfos.of(elementType).getTypeClass();
        return value -> {
          Collection<?> list = (Collection<?>) value;
          Object[] array = (Object[]) java.lang.reflect.Array.newInstance(elementClass, list.size());
          int i = 0;
          for (Object item : list) {
            array[i++] = element.convert(item);
          }
          return array;
        };
      }
      case MAP: {
        FromAvro mapValue = nullable(fromAvroValue(((MapType) type).getValueType()));
        return value -> {
          Map<?, ?> avro = (Map<?, ?>) value;
          Map<Object, Object> map = new LinkedHashMap<>(avro.size() * 2);
          avro.forEach((k, v) -> map.put(k.toString(), mapValue.convert(v)));
          return map;
        };
      }
      case MULTISET:
        return value -> {
          Map<?, ?> avro = (Map<?, ?>) value;
          Map<Object, Object> map = new LinkedHashMap<>(avro.size() * 2);
          avro.forEach((k, v) -> map.put(k.toString(), ((Number) v).intValue()));
          return map;
        };
      case ROW: {
        RowType row = (RowType) type;
        int arity = row.getFieldCount();
        FromAvro[] fields = new FromAvro[arity];
        for (int i = 0; i < arity; i++) {
          fields[i] = nullable(fromAvroValue(row.getTypeAt(i)));
        }
        return value -> {
          GenericRecord record = (GenericRecord) value;
          Row result = new Row(arity);
          for (int i = 0; i < arity; i++) {
            result.setField(i, fields[i].convert(record.get(i)));
          }
          return result;
        };
      }
      default:
        throw new IllegalArgumentException("No Avro conversion of " + type.asSummaryString());
    }
  }

  private static byte[] bytes(Object value) {
    if (value instanceof ByteBuffer buffer) {
      ByteBuffer copy = buffer.duplicate();
      byte[] bytes = new byte[copy.remaining()];
      copy.get(bytes);
      return bytes;
    }
    if (value instanceof GenericFixed fixed) {
      return fixed.bytes().clone();
    }
    return (byte[]) value;
  }
}
