package io.spate.table.formats.avro;

import io.spate.api.annotation.Internal;
import io.spate.api.fs.FSDataOutputStream;
import io.spate.api.serialization.BulkWriter;
import io.spate.api.types.Row;
import io.spate.table.types.logical.RowType;
import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * Writes {@link Row}s of a table's columns into files of Avro generic records (Avro container files,
 * Parquet through its Avro bridge), as records of the schema {@link AvroSchemaConverter} derives from
 * the row type.
 */
@Internal
public final class GenericRecordRowWriterFactory implements BulkWriter.Factory<Row> {

  private static final long serialVersionUID = 1L;

  private final RowType rowType;
  private final String schemaJson;
  private final BulkWriter.Factory<GenericRecord> records;

  /** Writes rows of {@code rowType}, as records of {@code schema}, with {@code records}. */
  public GenericRecordRowWriterFactory(RowType rowType, Schema schema, BulkWriter.Factory<GenericRecord> records) {
    this.rowType = rowType;
    this.schemaJson = schema.toString();
    this.records = records;
  }

  @Override
  public BulkWriter<Row> create(FSDataOutputStream out) throws IOException {
    BulkWriter<GenericRecord> writer = records.create(out);
    AvroRowConverters.ToAvro converter = AvroRowConverters.toAvro(rowType, new Schema.Parser().parse(schemaJson));
    return new BulkWriter<>() {
      @Override
      public void addElement(Row row) throws IOException {
        GenericRecord record;
        try {
          record = (GenericRecord) converter.convert(row);
        } catch (RuntimeException e) {
          throw new IOException("cannot write the row " + row + " as a record of " + rowType.asSummaryString() + ": "
              + e, e);
        }
        writer.addElement(record);
      }

      @Override
      public void flush() throws IOException {
        writer.flush();
      }

      @Override
      public void finish() throws IOException {
        writer.finish();
      }
    };
  }
}
