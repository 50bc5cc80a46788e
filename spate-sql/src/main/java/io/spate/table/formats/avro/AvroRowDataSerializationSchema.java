package io.spate.table.formats.avro;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.serialization.schema.SerializationSchema;
import io.spate.api.types.Row;
import io.spate.formats.avro.AvroSerializationSchema;
import io.spate.table.types.logical.RowType;
import java.util.Objects;
import org.apache.avro.generic.GenericRecord;

/**
 * Writes a {@link Row} of a table's physical columns as one Avro message: the binary encoding of a
 * record of the schema {@link AvroSchemaConverter} derives from the row type, without a schema
 * registry's prefix (the {@code avro} format's encoder for message connectors such as Kafka).
 */
@PublicEvolving
public class AvroRowDataSerializationSchema implements SerializationSchema<Row> {

  private static final long serialVersionUID = 1L;

  private final RowType rowType;
  private final AvroSerializationSchema<GenericRecord> records;
  private transient AvroRowConverters.ToAvro converter;

  /** A schema of rows of {@code rowType}, with Flink's default (legacy) mapping of timestamps. */
  public AvroRowDataSerializationSchema(RowType rowType) {
    this(rowType, true);
  }

  /**
   * A schema of rows of {@code rowType}, with timestamps mapped as {@link
   * AvroSchemaConverter#convertToSchema(io.spate.table.types.logical.LogicalType, boolean)} maps them.
   */
  public AvroRowDataSerializationSchema(RowType rowType, boolean legacyTimestampMapping) {
    this.rowType = Objects.requireNonNull(rowType, "rowType");
    this.records = AvroSerializationSchema.forGeneric(AvroSchemaConverter.convertToSchema(rowType,
        legacyTimestampMapping));
  }

  @Override
  public void open(InitializationContext context) {
    records.open(context);
    converter = AvroRowConverters.toAvro(rowType, records.getSchema());
  }

  /**
   * The Avro binary encoding of {@code row}.
   *
   * @throws IllegalArgumentException naming the row if a value does not fit its column's type
   */
  @Override
  public byte[] serialize(Row row) {
    if (converter == null) {
      open(null);
    }
    GenericRecord record;
    try {
      record = (GenericRecord) converter.convert(row);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("Avro: cannot write the row " + row + " as a record of " + rowType
          .asSummaryString() + ": " + e, e);
    }
    return records.serialize(record);
  }
}
