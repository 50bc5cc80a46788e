package io.spate.formats.avro;

import io.spate.api.serialization.DataInputView;
import io.spate.api.serialization.DataOutputView;
import io.spate.api.serialization.TypeSerializer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Objects;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;

/**
 * Serializes Avro records between tasks and in state: each record as its length and its Avro binary
 * encoding. Checkpoints store this serializer with its schema, so state restores while the schema is
 * unchanged.
 *
 * @param <T> the record type
 */
public final class AvroSerializer<T> extends TypeSerializer<T> {

  private static final long serialVersionUID = 1L;

  private final AvroType<T> type;
  private transient DatumWriter<T> writer;
  private transient DatumReader<T> reader;
  private transient Bytes buffer;
  private transient BinaryEncoder encoder;
  private transient BinaryDecoder decoder;

  /** The serializer of records of {@code type}. */
  public AvroSerializer(AvroType<T> type) {
    this.type = Objects.requireNonNull(type, "type");
  }

  /** The record type. */
  public AvroType<T> getAvroType() {
    return type;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void serialize(T value, DataOutputView target) throws IOException {
    if (writer == null) {
      writer = (DatumWriter<T>) type.data().createDatumWriter(type.schema());
      buffer = new Bytes();
    }
    buffer.reset();
    encoder = EncoderFactory.get().directBinaryEncoder(buffer, encoder);
    writer.write(value, encoder);
    encoder.flush();
    target.writeVarInt(buffer.size());
    target.write(buffer.array(), 0, buffer.size());
  }

  @Override
  @SuppressWarnings("unchecked")
  public T deserialize(DataInputView source) throws IOException {
    if (reader == null) {
      reader = (DatumReader<T>) type.data().createDatumReader(type.schema());
    }
    byte[] bytes = new byte[readLength(source)];
    source.readFully(bytes);
    decoder = DecoderFactory.get().binaryDecoder(bytes, decoder);
    return reader.read(null, decoder);
  }

  @Override
  public T copy(T value) {
    return value == null ? null : type.data().deepCopy(type.schema(), value);
  }

  @Override
  public TypeSerializer<T> duplicate() {
    return new AvroSerializer<>(type);
  }

  /** A byte buffer whose array is read in place. */
  private static final class Bytes extends ByteArrayOutputStream {
    Bytes() {
      super(256);
    }

    byte[] array() {
      return buf;
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AvroSerializer<?> that && type.equals(that.type);
  }

  @Override
  public int hashCode() {
    return type.hashCode();
  }

  @Override
  public String toString() {
    return "AvroSerializer(" + type.describe() + ")";
  }
}
