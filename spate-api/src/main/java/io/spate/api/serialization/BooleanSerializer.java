package io.spate.api.serialization;

import io.spate.api.annotation.Internal;
import java.io.IOException;

/** Serializes {@link Boolean} values as one byte. */
@Internal
public final class BooleanSerializer extends ImmutableValueSerializer<Boolean> {

  private static final long serialVersionUID = 1L;

  /** The only instance. */
  public static final BooleanSerializer INSTANCE = new BooleanSerializer();

  private BooleanSerializer() {}

  @Override
  public void serialize(Boolean value, DataOutputView target) throws IOException {
    target.writeBoolean(value);
  }

  @Override
  public Boolean deserialize(DataInputView source) throws IOException {
    return source.readBoolean();
  }

  @Override
  public Boolean createInstance() {
    return Boolean.FALSE;
  }

  @Override
  public int getLength() {
    return 1;
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
