package io.spate.formats.parquet;

import io.spate.api.configuration.Configuration;
import io.spate.api.fs.FSDataInputStream;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.connectors.file.StreamFormat;
import io.spate.formats.avro.AvroType;
import java.io.IOException;
import java.util.Objects;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroReadSupport;
import org.apache.parquet.hadoop.ParquetReader;

/**
 * Reads the records of Parquet files as Avro records, one file per split (Flink's name); made by
 * {@link AvroParquetReaders}. Parquet has no record offsets to seek to, so a checkpoint stores the
 * number of records read and a restore reads and skips them again. A file that is not a Parquet file,
 * or whose columns do not fit the schema, fails the read saying why (the source adds the file).
 *
 * @param <T> the record type
 */
public class AvroParquetRecordFormat<T> implements StreamFormat<T> {

  private static final long serialVersionUID = 1L;

  private final AvroType<T> type;

  AvroParquetRecordFormat(AvroType<T> type) {
    this.type = Objects.requireNonNull(type, "type");
  }

  @Override
  public StreamFormat.Reader<T> createReader(Configuration config, FSDataInputStream stream, long fileLen,
      long splitEnd) throws IOException {
    return open(stream, fileLen);
  }

  /** Reads from the file's start: the source then skips the records the checkpoint counted. */
  @Override
  public StreamFormat.Reader<T> restoreReader(Configuration config, FSDataInputStream stream, long restoredOffset,
      long fileLen, long splitEnd) throws IOException {
    return open(stream, fileLen);
  }

  private Reader<T> open(FSDataInputStream stream, long fileLen) throws IOException {
    org.apache.hadoop.conf.Configuration conf = new org.apache.hadoop.conf.Configuration(false);
    AvroReadSupport.setAvroReadSchema(conf, type.schema());
    AvroReadSupport.setRequestedProjection(conf, type.schema()); // read only the columns the schema names
    AvroParquetReader.Builder<T> builder = AvroParquetReader.<T>builder(new SplitInputFile(stream, fileLen))
        .withDataModel(type.data());
    if (type.model() != AvroType.Model.GENERIC) {
      builder.withSerializableClasses(type.recordClass());
    }
    try {
      return new Reader<>(builder.withConf(conf).build(), type);
    } catch (IOException | RuntimeException e) {
      throw new IOException("not a Parquet file of " + type.describe() + ": " + e.getMessage(), e);
    }
  }

  /** False: Spate reads each file as one split. */
  @Override
  public boolean isSplittable() {
    return false;
  }

  @Override
  public TypeInformation<T> getProducedType() {
    return type.typeInformation();
  }

  @Override
  public String toString() {
    return "AvroParquetRecordFormat(" + type.describe() + ")";
  }

  /** Reads the records of one file. */
  private static final class Reader<T> implements StreamFormat.Reader<T> {

    private final ParquetReader<T> reader;
    private final AvroType<T> type;
    private long read;

    Reader(ParquetReader<T> reader, AvroType<T> type) {
      this.reader = reader;
      this.type = type;
    }

    @Override
    public T read() throws IOException {
      try {
        T record = reader.read();
        if (record != null) {
          read++;
        }
        return record;
      } catch (IOException | RuntimeException e) {
        throw new IOException("cannot read Parquet record " + (read + 1) + " as a " + type.describe() + ": "
            + e.getMessage(), e);
      }
    }

    @Override
    public void close() throws IOException {
      reader.close();
    }
  }
}
