package io.spate.table.formats.avro;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.serialization.schema.DeserializationSchema;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.types.Row;
import io.spate.formats.avro.AvroDeserializationSchema;
import io.spate.table.runtime.typeutils.TypeInfos;
import io.spate.table.types.logical.RowType;
import java.io.IOException;
import java.util.Objects;
import org.apache.avro.generic.GenericRecord;

/**
 * Reads each message as a {@link Row} of a table's physical columns from the Avro binary encoding of
 * a record of the schema {@link AvroSchemaConverter} derives from the row type (the {@code avro}
 * format's decoder for message connectors). A message that is not such a record fails the read with
 * an {@link IOException} saying why.
 */
@PublicEvolving
public class AvroRowDataDeserializationSchema implements DeserializationSchema<Row> {

  private static final long serialVersionUID = 1L;

  private final RowType rowType;
  private final AvroDeserializationSchema<GenericRecord> records;
  private transient AvroRowConverters.FromAvro converter;

  /** A schema of rows of {@code rowType}, with Flink's default (legacy) mapping of timestamps. */
  public AvroRowDataDeserializationSchema(RowType rowType) {
    this(rowType, true);
  }

  /**
   * A schema of rows of {@code rowType}, with timestamps mapped as {@link
   * AvroSchemaConverter#convertToSchema(io.spate.table.types.logical.LogicalType, boolean)} maps them.
   */
  public AvroRowDataDeserializationSchema(RowType rowType, boolean legacyTimestampMapping) {
    this.rowType = Objects.requireNonNull(rowType, "rowType");
    this.records = AvroDeserializationSchema.forGeneric(AvroSchemaConverter.convertToSchema(rowType,
        legacyTimestampMapping));
  }

  @Override
  public void open(InitializationContext context) {
    records.open(context);
    converter = AvroRowConverters.fromAvro(rowType);
  }

  @Override
  public Row deserialize(byte[] message) throws IOException {
    if (converter == null) {
      open(null);
    }
    GenericRecord record = records.deserialize(message);
    if (record == null) {
      return null;
    }
    try {
      return (Row) converter.convert(record);
    } catch (RuntimeException e) {
      throw new IOException("Avro: the record " + record + " does not hold a row of " + rowType.asSummaryString()
          + ": " + e, e);
    }
  }

  @Override
  public boolean isEndOfStream(Row nextElement) {
    return false;
  }

  @Override
  public TypeInformation<Row> getProducedType() {
    return TypeInfos.ofRow(rowType);
  }
}
