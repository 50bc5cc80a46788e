package io.spate.api.serialization.schema;

import io.spate.api.annotation.Public;
import io.spate.api.common.ExecutionConfig;
import io.spate.api.serialization.DataInputDeserializer;
import io.spate.api.serialization.DataOutputSerializer;
import io.spate.api.serialization.TypeSerializer;
import io.spate.api.typeinfo.TypeInformation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * Reads and writes records with the serializer of their type information, one record per message:
 * for jobs that exchange records through a message queue with each other. The stream never ends on a
 * record.
 *
 * @param <T> the type of the records
 */
@Public
public class TypeInformationSerializationSchema<T> implements DeserializationSchema<T>, SerializationSchema<T> {

  private static final long serialVersionUID = 1L;

  private final TypeInformation<T> typeInfo;
  private final TypeSerializer<T> serializer;
  // Reused between calls; a schema instance is used by one thread, and is rebuilt on deserialization.
  private transient DataOutputSerializer buffer;

  /** A schema for {@code typeInfo}, whose serializer is created under {@code ec}'s serializer config. */
  public TypeInformationSerializationSchema(TypeInformation<T> typeInfo, ExecutionConfig ec) {
    this(typeInfo, Objects.requireNonNull(typeInfo, "typeInfo").createSerializer(ec.getSerializerConfig()));
  }

  /** A schema for {@code typeInfo} that reads and writes with {@code serializer}. */
  public TypeInformationSerializationSchema(TypeInformation<T> typeInfo, TypeSerializer<T> serializer) {
    this.typeInfo = Objects.requireNonNull(typeInfo, "typeInfo");
    this.serializer = Objects.requireNonNull(serializer, "serializer");
  }

  /**
   * The record in {@code message}.
   *
   * @throws IOException naming the type if the message is not one whole record
   */
  @Override
  public T deserialize(byte[] message) throws IOException {
    DataInputDeserializer in = new DataInputDeserializer(message);
    T record;
    try {
      record = serializer.deserialize(in);
    } catch (IOException | RuntimeException e) {
      throw new IOException("A message of " + message.length + " bytes is not a record of " + typeInfo + ": " + e, e);
    }
    if (in.available() != 0) {
      throw new IOException(
          "A message of " + message.length + " bytes holds a record of " + typeInfo + " and "
              + in.available() + " bytes more");
    }
    return record;
  }

  /** Always false: the stream does not end on a record. */
  @Override
  public boolean isEndOfStream(T nextElement) {
    return false;
  }

  /**
   * The bytes of {@code element}.
   *
   * @throws UncheckedIOException naming the type if the serializer fails
   */
  @Override
  public byte[] serialize(T element) {
    if (buffer == null) {
      buffer = new DataOutputSerializer(64);
    }
    buffer.clear();
    try {
      serializer.serialize(element, buffer);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot serialize " + element + " as a record of " + typeInfo, e);
    }
    return buffer.getCopyOfBuffer();
  }

  @Override
  public TypeInformation<T> getProducedType() {
    return typeInfo;
  }
}
