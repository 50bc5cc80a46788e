package io.spate.api.serialization;

import io.spate.api.annotation.Internal;
import java.io.IOException;

/** Serializes {@link Byte} values as one byte. */
@Internal
public final class ByteSerializer extends ImmutableValueSerializer<Byte> {

  private static final long serialVersionUID = 1L;

  /** The only instance. */
  public static final ByteSerializer INSTANCE = new ByteSerializer();

  private ByteSerializer() {}

  @Override
  public void serialize(Byte value, DataOutputView target) throws IOException {
    target.writeByte(value);
  }

  @Override
  public Byte deserialize(DataInputView source) throws IOException {
    return source.readByte();
  }

  @Override
  public Byte createInstance() {
    return (byte) 0;
  }

  @Override
  public int getLength() {
    return 1;
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
