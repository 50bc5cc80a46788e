package io.spate.api.serialization;

import io.spate.api.annotation.Internal;
import java.io.IOException;

/** Serializes {@link Integer} values as four bytes. */
@Internal
public final class IntSerializer extends ImmutableValueSerializer<Integer> {

  private static final long serialVersionUID = 1L;

  /** The only instance. */
  public static final IntSerializer INSTANCE = new IntSerializer();

  private IntSerializer() {}

  @Override
  public void serialize(Integer value, DataOutputView target) throws IOException {
    target.writeInt(value);
  }

  @Override
  public Integer deserialize(DataInputView source) throws IOException {
    return source.readInt();
  }

  @Override
  public Integer createInstance() {
    return 0;
  }

  @Override
  public int getLength() {
    return 4;
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
