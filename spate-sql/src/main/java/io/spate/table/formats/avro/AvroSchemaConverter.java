package io.spate.table.formats.avro;

import io.spate.api.annotation.PublicEvolving;
import io.spate.table.api.ValidationException;
import io.spate.table.types.logical.ArrayType;
import io.spate.table.types.logical.DecimalType;
import io.spate.table.types.logical.LocalZonedTimestampType;
import io.spate.table.types.logical.LogicalType;
import io.spate.table.types.logical.LogicalTypeRoot;
import io.spate.table.types.logical.MapType;
import io.spate.table.types.logical.MultisetType;
import io.spate.table.types.logical.RowType;
import io.spate.table.types.logical.TimeType;
import io.spate.table.types.logical.TimestampType;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * Maps a table's SQL type to the Avro schema the {@code avro} and {@code parquet} formats write and
 * read, as Flink does: a nullable type is a union of {@code null} and its type, {@code ROW} a record
 * (the top one named {@code record}, a nested one {@code record_<field>}), {@code ARRAY} an array,
 * {@code MAP} with character keys a map, {@code DECIMAL} bytes of logical type decimal, and the time
 * types their logical types.
 */
@PublicEvolving
public final class AvroSchemaConverter {

  /** The namespace of the records the converter names. */
  public static final String NAMESPACE = "io.spate.avro.generated";

  private static final String TOP_RECORD = "record";
  private static final Pattern AVRO_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private AvroSchemaConverter() {}

  /** The Avro schema of {@code type}, with Flink's default (legacy) mapping of timestamps. */
  public static Schema convertToSchema(LogicalType type) {
    return convertToSchema(type, true);
  }

  /**
   * The Avro schema of {@code type}. With {@code legacyTimestampMapping} both {@code TIMESTAMP} and
   * {@code TIMESTAMP_LTZ} are Avro timestamps (Flink's default); without it {@code TIMESTAMP} is an Avro
   * local timestamp.
   *
   * @throws ValidationException naming the column whose type Avro cannot hold
   */
  public static Schema convertToSchema(LogicalType type, boolean legacyTimestampMapping) {
    return new AvroSchemaConverter.Walk(legacyTimestampMapping).convert(type, NAMESPACE + "." + TOP_RECORD, "");
  }

  /** One conversion; {@code path} names the column being converted, for messages. */
  private record Walk(boolean legacyTimestampMapping) {

    Schema convert(LogicalType type, String recordName, String path) {
      Schema schema = notNull(type, recordName, path);
      return type.isNullable() ? Schema.createUnion(Schema.create(Schema.Type.NULL), schema) : schema;
    }

    private Schema notNull(LogicalType type, String recordName, String path) {
      switch (type.getTypeRoot()) {
        case BOOLEAN:
          return Schema.create(Schema.Type.BOOLEAN);
        case TINYINT:
        case SMALLINT:
        case INTEGER:
          return Schema.create(Schema.Type.INT);
        case BIGINT:
          return Schema.create(Schema.Type.LONG);
        case FLOAT:
          return Schema.create(Schema.Type.FLOAT);
        case DOUBLE:
          return Schema.create(Schema.Type.DOUBLE);
        case CHAR:
        case VARCHAR:
          return Schema.create(Schema.Type.STRING);
        case BINARY:
        case VARBINARY:
          return Schema.create(Schema.Type.BYTES);
        case DECIMAL: {
          DecimalType decimal = (DecimalType) type;
          return LogicalTypes.decimal(decimal.getPrecision(), decimal.getScale())
              .addToSchema(Schema.create(Schema.Type.BYTES));
        }
        case DATE:
          return LogicalTypes.date().addToSchema(Schema.create(Schema.Type.INT));
        case TIME_WITHOUT_TIME_ZONE: {
          int precision = ((TimeType) type).getPrecision();
          if (precision <= 3) {
            return LogicalTypes.timeMillis().addToSchema(Schema.create(Schema.Type.INT));
          }
          if (precision <= 6) {
            return LogicalTypes.timeMicros().addToSchema(Schema.create(Schema.Type.LONG));
          }
          throw unsupported(type, path, "Avro's times hold at most microseconds: use TIME(3) or TIME(6)");
        }
        case TIMESTAMP_WITHOUT_TIME_ZONE: {
          int precision = ((TimestampType) type).getPrecision();
          return timestamp(type, path, precision, !legacyTimestampMapping);
        }
        case TIMESTAMP_WITH_LOCAL_TIME_ZONE: {
          int precision = ((LocalZonedTimestampType) type).getPrecision();
          return timestamp(type, path, precision, false);
        }
        case ARRAY:
          return Schema.createArray(convert(((ArrayType) type).getElementType(), recordName, path + "[]"));
        case MAP: {
          MapType map = (MapType) type;
          checkKey(map.getKeyType(), type, path);
          return Schema.createMap(convert(map.getValueType(), recordName, path + "{}"));
        }
        case MULTISET: {
          MultisetType multiset = (MultisetType) type;
          checkKey(multiset.getElementType(), type, path);
          return Schema.createMap(Schema.create(Schema.Type.INT));
        }
        case ROW:
          return record((RowType) type, recordName, path);
        default:
          throw unsupported(type, path, "the avro format has no mapping for it");
      }
    }

    private Schema record(RowType row, String recordName, String path) {
      List<Schema.Field> fields = new ArrayList<>();
      for (RowType.RowField field : row.getFields()) {
        String name = field.getName();
        String fieldPath = path.isEmpty() ? name : path + "." + name;
        if (!AVRO_NAME.matcher(name).matches()) {
          throw new ValidationException("Column '" + fieldPath + "': Avro field names are letters, digits and '_',"
              + " not starting with a digit, so '" + name + "' cannot be an Avro field; rename the column");
        }
        Schema schema = convert(field.getType(), recordName + "_" + name, fieldPath);
        fields.add(field.getType().isNullable()
            ? new Schema.Field(name, schema, null, Schema.Field.NULL_DEFAULT_VALUE)
            : new Schema.Field(name, schema));
      }
      int dot = recordName.lastIndexOf('.');
      String namespace = dot < 0 ? null : recordName.substring(0, dot);
      return Schema.createRecord(recordName.substring(dot + 1), null, namespace, false, fields);
    }

    private Schema timestamp(LogicalType type, String path, int precision, boolean local) {
      if (precision <= 3) {
        return (local ? LogicalTypes.localTimestampMillis() : LogicalTypes.timestampMillis())
            .addToSchema(Schema.create(Schema.Type.LONG));
      }
      if (precision <= 6) {
        return (local ? LogicalTypes.localTimestampMicros() : LogicalTypes.timestampMicros())
            .addToSchema(Schema.create(Schema.Type.LONG));
      }
      throw unsupported(type, path, "Avro's timestamps hold at most microseconds: use precision 3 or 6");
    }

    private static void checkKey(LogicalType key, LogicalType type, String path) {
      if (key.getTypeRoot() != LogicalTypeRoot.VARCHAR && key.getTypeRoot() != LogicalTypeRoot.CHAR) {
        throw unsupported(type, path, "Avro map keys are strings: use a CHAR, VARCHAR or STRING key");
      }
    }

    private static ValidationException unsupported(LogicalType type, String path, String why) {
      return new ValidationException("Column '" + (path.isEmpty() ? "(the row)" : path) + "' of type "
          + type.asSummaryString() + " cannot be written as Avro: " + why);
    }
  }
}
