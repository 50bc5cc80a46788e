package io.spate.table.formats.parquet;

import io.spate.api.annotation.Internal;
import io.spate.api.configuration.Configuration;
import io.spate.api.fs.FSDataInputStream;
import io.spate.api.fs.FSDataOutputStream;
import io.spate.api.serialization.BulkWriter;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.connectors.file.StreamFormat;
import io.spate.formats.avro.AvroType;
import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import io.spate.formats.parquet.PartOutputFile;
import io.spate.formats.parquet.SplitInputFile;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.avro.AvroReadSupport;
import org.apache.parquet.avro.AvroWriteSupport;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Parquet files of Avro generic records as the {@code parquet} SQL format writes and reads them:
 * lists in Parquet's standard three-level structure (so that arrays may hold NULL elements), and the
 * file's columns projected to the table's when read.
 */
@Internal
final class ParquetRecordFiles {

  private ParquetRecordFiles() {}

  /** The Parquet configuration of both directions: standard lists. */
  private static void configure(PlainParquetConfiguration conf) {
    conf.set(AvroWriteSupport.WRITE_OLD_LIST_STRUCTURE, "false");
  }

  /** Writes Parquet files of records of {@code schema}, pages compressed with {@code codec}. */
  static final class WriterFactory implements BulkWriter.Factory<GenericRecord> {

    private static final long serialVersionUID = 1L;

    private final AvroType<GenericRecord> type;
    private final CompressionCodecName codec;

    WriterFactory(Schema schema, CompressionCodecName codec) {
      this.type = AvroType.generic(schema);
      this.codec = codec;
    }

    @Override
    public BulkWriter<GenericRecord> create(FSDataOutputStream out) throws IOException {
      PlainParquetConfiguration conf = new PlainParquetConfiguration();
      configure(conf);
      ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(new PartOutputFile(out))
          .withConf(conf)
          .withSchema(type.schema())
          .withDataModel(GenericData.get())
          .withCompressionCodec(codec)
          .build();
      return new BulkWriter<>() {
        @Override
        public void addElement(GenericRecord element) throws IOException {
          writer.write(element);
        }

        /** Nothing: Parquet buffers a row group and writes it when it is full or the file finishes. */
        @Override
        public void flush() {}

        @Override
        public void finish() throws IOException {
          writer.close(); // the row group and the footer; PartOutputFile leaves the part's stream open
        }
      };
    }
  }

  /** Reads Parquet files as records of {@code schema}, one file per split; a restore reads and skips. */
  static final class RecordFormat implements StreamFormat<GenericRecord> {

    private static final long serialVersionUID = 1L;

    private final AvroType<GenericRecord> type;

    RecordFormat(Schema schema) {
      this.type = AvroType.generic(schema);
    }

    @Override
    public StreamFormat.Reader<GenericRecord> createReader(Configuration config, FSDataInputStream stream,
        long fileLen, long splitEnd) throws IOException {
      return open(stream, fileLen);
    }

    @Override
    public StreamFormat.Reader<GenericRecord> restoreReader(Configuration config, FSDataInputStream stream,
        long restoredOffset, long fileLen, long splitEnd) throws IOException {
      return open(stream, fileLen);
    }

    private StreamFormat.Reader<GenericRecord> open(FSDataInputStream stream, long fileLen) throws IOException {
      PlainParquetConfiguration conf = new PlainParquetConfiguration();
      configure(conf);
      conf.set("parquet.avro.read.schema", type.schema().toString()); // AvroReadSupport.AVRO_READ_SCHEMA, private
      conf.set(AvroReadSupport.AVRO_REQUESTED_PROJECTION, type.schema().toString()); // only the table's columns
      ParquetReader<GenericRecord> reader;
      try {
        reader = AvroParquetReader.<GenericRecord>builder(new SplitInputFile(stream, fileLen), conf)
            .withDataModel(GenericData.get()).build();
      } catch (IOException | RuntimeException e) {
        throw new IOException("not a Parquet file with the table's columns: " + e.getMessage(), e);
      }
      return new StreamFormat.Reader<>() {
        private long read;

        @Override
        public GenericRecord read() throws IOException {
          try {
            GenericRecord record = reader.read();
            if (record != null) {
              read++;
            }
            return record;
          } catch (IOException | RuntimeException e) {
            throw new IOException("cannot read Parquet record " + (read + 1) + ": " + e.getMessage(), e);
          }
        }

        @Override
        public void close() throws IOException {
          reader.close();
        }
      };
    }

    @Override
    public boolean isSplittable() {
      return false;
    }

    @Override
    public TypeInformation<GenericRecord> getProducedType() {
      return type.typeInformation();
    }
  }
}
