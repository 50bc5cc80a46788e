package io.spate.api.serialization;

import io.spate.api.annotation.Internal;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
/** Serializes {@link Instant} values as epoch seconds and nanoseconds. */
@Internal
public final class InstantSerializer extends ImmutableValueSerializer<Instant> {

  private static final long serialVersionUID = 1L;

  /** The only instance. */
  public static final InstantSerializer INSTANCE = new InstantSerializer();

  private InstantSerializer() {}

  @Override
  public void serialize(Instant value, DataOutputView target) throws IOException {
    target.writeLong(value.getEpochSecond());
    target.writeInt(value.getNano());
  }

  @Override
  public Instant deserialize(DataInputView source) throws IOException {
    long seconds = source.readLong();
    int nanos = source.readInt();
    try {
      return Instant.ofEpochSecond(seconds, nanos);
    } catch (DateTimeException e) {
      throw new IOException("Corrupt input: invalid Instant", e);
    }
  }

  @Override
  public Instant createInstance() {
    return Instant.EPOCH;
  }

  @Override
  public int getLength() {
    return 12;
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
