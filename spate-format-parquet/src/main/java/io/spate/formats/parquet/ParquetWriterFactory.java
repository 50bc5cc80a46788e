package io.spate.formats.parquet;

import io.spate.api.fs.FSDataOutputStream;
import io.spate.api.serialization.BulkWriter;
import io.spate.formats.avro.AvroType;
import java.io.IOException;
import java.util.Locale;
import java.util.Objects;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Creates the writer of one Parquet file per part (Flink's name); made by {@link AvroParquetWriters}.
 * Files are uncompressed unless {@link #withCompressionCodec} names a codec ({@code SNAPPY}, {@code
 * GZIP} and {@code ZSTD} work with the bundled libraries).
 *
 * @param <T> the record type
 */
public class ParquetWriterFactory<T> implements BulkWriter.Factory<T> {

  private static final long serialVersionUID = 1L;

  private final AvroType<T> type;
  private final CompressionCodecName codec;

  ParquetWriterFactory(AvroType<T> type) {
    this(type, CompressionCodecName.UNCOMPRESSED);
  }

  private ParquetWriterFactory(AvroType<T> type, CompressionCodecName codec) {
    this.type = Objects.requireNonNull(type, "type");
    this.codec = codec;
  }

  /** This factory, compressing pages with the Parquet codec {@code codecName} (such as {@code SNAPPY}). */
  public ParquetWriterFactory<T> withCompressionCodec(String codecName) {
    Objects.requireNonNull(codecName, "codecName");
    try {
      return new ParquetWriterFactory<>(type, CompressionCodecName.valueOf(codecName.toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("AvroParquetWriters: unknown Parquet codec '" + codecName + "'; known: "
          + java.util.Arrays.toString(CompressionCodecName.values()), e);
    }
  }

  @Override
  public BulkWriter<T> create(FSDataOutputStream out) throws IOException {
    ParquetWriter<T> writer = AvroParquetWriter.<T>builder(new PartOutputFile(out))
        .withConf(new PlainParquetConfiguration())
        .withSchema(type.schema())
        .withDataModel(type.data())
        .withCompressionCodec(codec)
        .build();
    return new Writer<>(writer, type);
  }

  /** Writes the records of one part file. */
  private static final class Writer<T> implements BulkWriter<T> {

    private final ParquetWriter<T> writer;
    private final AvroType<T> type;

    Writer(ParquetWriter<T> writer, AvroType<T> type) {
      this.writer = writer;
      this.type = type;
    }

    @Override
    public void addElement(T element) throws IOException {
      try {
        writer.write(element);
      } catch (RuntimeException e) {
        throw new IOException("Parquet: cannot write the record " + element + " as a " + type.describe() + ": "
            + e.getMessage(), e);
      }
    }

    /** Nothing: Parquet buffers a row group in memory and writes it when it is full or the file finishes. */
    @Override
    public void flush() {}

    @Override
    public void finish() throws IOException {
      writer.close(); // the row group and the footer; PartOutputFile leaves the part's stream open
    }
  }
}
