package io.spate.api.serialization;

import io.spate.api.annotation.Internal;
import java.io.IOException;

/** Serializes {@link Short} values as two bytes. */
@Internal
public final class ShortSerializer extends ImmutableValueSerializer<Short> {

  private static final long serialVersionUID = 1L;

  /** The only instance. */
  public static final ShortSerializer INSTANCE = new ShortSerializer();

  private ShortSerializer() {}

  @Override
  public void serialize(Short value, DataOutputView target) throws IOException {
    target.writeShort(value);
  }

  @Override
  public Short deserialize(DataInputView source) throws IOException {
    return source.readShort();
  }

  @Override
  public Short createInstance() {
    return (short) 0;
  }

  @Override
  public int getLength() {
    return 2;
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
