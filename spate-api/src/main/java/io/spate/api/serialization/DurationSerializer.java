package io.spate.api.serialization;

import io.spate.api.annotation.Internal;
import java.io.IOException;
import java.time.Duration;

/** Serializes {@link Duration} values as seconds and nanoseconds of the second. */
@Internal
public final class DurationSerializer extends ImmutableValueSerializer<Duration> {

  private static final long serialVersionUID = 1L;

  /** The only instance. */
  public static final DurationSerializer INSTANCE = new DurationSerializer();

  private DurationSerializer() {}

  @Override
  public void serialize(Duration value, DataOutputView target) throws IOException {
    target.writeLong(value.getSeconds());
    target.writeInt(value.getNano());
  }

  @Override
  public Duration deserialize(DataInputView source) throws IOException {
    long seconds = source.readLong();
    int nanos = source.readInt();
    if (nanos < 0 || nanos > 999_999_999) {
      throw new IOException("Corrupt input: a Duration with " + nanos + " nanoseconds of a second");
    }
    return Duration.ofSeconds(seconds, nanos);
  }

  @Override
  public Duration createInstance() {
    return Duration.ZERO;
  }

  @Override
  public int getLength() {
    return 12;
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
