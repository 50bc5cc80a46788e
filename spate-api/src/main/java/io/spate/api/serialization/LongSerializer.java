package io.spate.api.serialization;

import io.spate.api.annotation.Internal;
import java.io.IOException;

/** Serializes {@link Long} values as eight bytes. */
@Internal
public final class LongSerializer extends ImmutableValueSerializer<Long> {

  private static final long serialVersionUID = 1L;

  /** The only instance. */
  public static final LongSerializer INSTANCE = new LongSerializer();

  private LongSerializer() {}

  @Override
  public void serialize(Long value, DataOutputView target) throws IOException {
    target.writeLong(value);
  }

  @Override
  public Long deserialize(DataInputView source) throws IOException {
    return source.readLong();
  }

  @Override
  public Long createInstance() {
    return 0L;
  }

  @Override
  public int getLength() {
    return 8;
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
