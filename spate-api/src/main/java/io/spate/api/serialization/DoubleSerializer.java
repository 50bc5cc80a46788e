package io.spate.api.serialization;

import io.spate.api.annotation.Internal;
import java.io.IOException;

/** Serializes {@link Double} values as eight bytes. */
@Internal
public final class DoubleSerializer extends ImmutableValueSerializer<Double> {

  private static final long serialVersionUID = 1L;

  /** The only instance. */
  public static final DoubleSerializer INSTANCE = new DoubleSerializer();

  private DoubleSerializer() {}

  @Override
  public void serialize(Double value, DataOutputView target) throws IOException {
    target.writeDouble(value);
  }

  @Override
  public Double deserialize(DataInputView source) throws IOException {
    return source.readDouble();
  }

  @Override
  public Double createInstance() {
    return 0d;
  }

  @Override
  public int getLength() {
    return 8;
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
