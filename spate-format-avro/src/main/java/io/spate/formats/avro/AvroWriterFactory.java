package io.spate.formats.avro;

import io.spate.api.fs.FSDataOutputStream;
import io.spate.api.serialization.BulkWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.io.DatumWriter;

/**
 * Creates the writer of one Avro container file per part (Flink's name); made by {@link AvroWriters}.
 * {@link #withCodec} compresses the blocks (Avro's codec names: {@code null}, {@code deflate}, {@code
 * snappy}, {@code zstandard}, {@code bzip2}, {@code xz}; the ones Avro's own jar brings are {@code
 * null}, {@code deflate} and {@code bzip2}).
 *
 * @param <T> the record type
 */
public class AvroWriterFactory<T> implements BulkWriter.Factory<T> {

  private static final long serialVersionUID = 1L;

  private final AvroType<T> type;
  private final String codec;

  AvroWriterFactory(AvroType<T> type) {
    this(type, "null");
  }

  private AvroWriterFactory(AvroType<T> type, String codec) {
    this.type = Objects.requireNonNull(type, "type");
    this.codec = codec;
  }

  /** This factory, compressing blocks with the Avro codec {@code codecName} (such as {@code deflate}). */
  public AvroWriterFactory<T> withCodec(String codecName) {
    Objects.requireNonNull(codecName, "codecName");
    try {
      CodecFactory.fromString(codecName);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("AvroWriters: unknown Avro codec '" + codecName + "': " + e.getMessage(), e);
    }
    return new AvroWriterFactory<>(type, codecName);
  }

  /** The record type. */
  public AvroType<T> getAvroType() {
    return type;
  }

  @Override
  @SuppressWarnings("unchecked")
  public BulkWriter<T> create(FSDataOutputStream out) throws IOException {
    DataFileWriter<T> file = new DataFileWriter<>((DatumWriter<T>) type.data().createDatumWriter(type.schema()));
    file.setCodec(CodecFactory.fromString(codec));
    file.create(type.schema(), new KeepOpen(out));
    return new Writer<>(file, type);
  }

  /** The part's stream, which Avro's writer may close without closing the part: the sink closes it. */
  private static final class KeepOpen extends FilterOutputStream {
    KeepOpen(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }

  /** Appends the records of one part file. */
  private static final class Writer<T> implements BulkWriter<T> {

    private final DataFileWriter<T> file;
    private final AvroType<T> type;

    Writer(DataFileWriter<T> file, AvroType<T> type) {
      this.file = file;
      this.type = type;
    }

    @Override
    public void addElement(T element) throws IOException {
      try {
        file.append(element);
      } catch (DataFileWriter.AppendWriteException e) {
        throw new IOException("Avro: the record " + element + " does not fit the schema of the " + type.describe()
            + ": " + e.getMessage(), e);
      }
    }

    @Override
    public void flush() throws IOException {
      file.flush();
    }

    @Override
    public void finish() throws IOException {
      file.close(); // the last block; KeepOpen leaves the part's stream open
    }
  }
}
