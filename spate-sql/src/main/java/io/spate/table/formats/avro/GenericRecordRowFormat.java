package io.spate.table.formats.avro;

import io.spate.api.annotation.Internal;
import io.spate.api.configuration.Configuration;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.types.Row;
import io.spate.connectors.file.BulkFormat;
import io.spate.connectors.file.FileSource;
import io.spate.connectors.file.FileSourceSplit;
import io.spate.connectors.file.RecordAndPosition;
import io.spate.connectors.file.StreamFormat;
import io.spate.table.runtime.typeutils.TypeInfos;
import io.spate.table.types.logical.RowType;
import java.io.IOException;
import org.apache.avro.generic.GenericRecord;

/**
 * Reads files of Avro generic records (Avro container files, Parquet through its Avro bridge) as
 * {@link Row}s of a table's columns, the records read with the schema {@link AvroSchemaConverter}
 * derives from the row type. Positions are those of the record format's reader.
 */
@Internal
public final class GenericRecordRowFormat implements BulkFormat<Row, FileSourceSplit> {

  private static final long serialVersionUID = 1L;

  private final RowType rowType;
  private final BulkFormat<GenericRecord, FileSourceSplit> records;

  /** Rows of {@code rowType} from the records {@code recordFormat} reads. */
  public GenericRecordRowFormat(RowType rowType, StreamFormat<GenericRecord> recordFormat) {
    this.rowType = rowType;
    // The builder is only the way to the file source's adapter of a record format; its path is not used.
    this.records = FileSource.forRecordStreamFormat(recordFormat, new io.spate.api.fs.Path(".")).build().getFormat();
  }

  @Override
  public BulkFormat.Reader<Row> createReader(Configuration config, FileSourceSplit split) throws IOException {
    return new Reader(records.createReader(config, split), AvroRowConverters.fromAvro(rowType));
  }

  @Override
  public BulkFormat.Reader<Row> restoreReader(Configuration config, FileSourceSplit split) throws IOException {
    return new Reader(records.restoreReader(config, split), AvroRowConverters.fromAvro(rowType));
  }

  @Override
  public boolean isSplittable() {
    return false;
  }

  @Override
  public TypeInformation<Row> getProducedType() {
    return TypeInfos.ofRow(rowType);
  }

  /** Converts the records of one file. */
  private final class Reader implements BulkFormat.Reader<Row> {
    private final BulkFormat.Reader<GenericRecord> reader;
    private final AvroRowConverters.FromAvro converter;

    Reader(BulkFormat.Reader<GenericRecord> reader, AvroRowConverters.FromAvro converter) {
      this.reader = reader;
      this.converter = converter;
    }

    @Override
    public RecordIterator<Row> readBatch() throws IOException {
      RecordIterator<GenericRecord> batch = reader.readBatch();
      if (batch == null) {
        return null;
      }
      return new RecordIterator<>() {
        @Override
        public RecordAndPosition<Row> next() {
          RecordAndPosition<GenericRecord> next = batch.next();
          if (next == null) {
            return null;
          }
          Row row;
          try {
            row = (Row) converter.convert(next.getRecord());
          } catch (RuntimeException e) {
            throw new IllegalStateException("the record " + next.getRecord() + " does not hold a row of "
                + rowType.asSummaryString() + ": " + e, e);
          }
          return new RecordAndPosition<>(row, next.getOffset(), next.getRecordSkipCount());
        }

        @Override
        public void releaseBatch() {
          batch.releaseBatch();
        }
      };
    }

    @Override
    public void close() throws IOException {
      reader.close();
    }
  }
}
