package io.spate.api.serialization;

import io.spate.api.annotation.Internal;
import java.io.IOException;

/** Serializes the type {@link Void}, whose only value is null, as no bytes at all. */
@Internal
public final class VoidSerializer extends ImmutableValueSerializer<Void> {

  private static final long serialVersionUID = 1L;

  /** The only instance. */
  public static final VoidSerializer INSTANCE = new VoidSerializer();

  private VoidSerializer() {}

  @Override
  public void serialize(Void value, DataOutputView target) throws IOException {
    // Void has no values but null, so there is nothing to write.
  }

  @Override
  public Void deserialize(DataInputView source) throws IOException {
    return null;
  }

  @Override
  public Void createInstance() {
    return null;
  }

  @Override
  public int getLength() {
    return 0;
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
