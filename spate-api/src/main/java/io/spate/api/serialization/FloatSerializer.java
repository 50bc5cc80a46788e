package io.spate.api.serialization;

import io.spate.api.annotation.Internal;
import java.io.IOException;

/** Serializes {@link Float} values as four bytes. */
@Internal
public final class FloatSerializer extends ImmutableValueSerializer<Float> {

  private static final long serialVersionUID = 1L;

  /** The only instance. */
  public static final FloatSerializer INSTANCE = new FloatSerializer();

  private FloatSerializer() {}

  @Override
  public void serialize(Float value, DataOutputView target) throws IOException {
    target.writeFloat(value);
  }

  @Override
  public Float deserialize(DataInputView source) throws IOException {
    return source.readFloat();
  }

  @Override
  public Float createInstance() {
    return 0f;
  }

  @Override
  public int getLength() {
    return 4;
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
