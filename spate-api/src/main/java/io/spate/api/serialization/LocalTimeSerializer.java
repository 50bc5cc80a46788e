package io.spate.api.serialization;

import io.spate.api.annotation.Internal;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalTime;
/** Serializes {@link LocalTime} values as hour, minute, second and nanosecond. */
@Internal
public final class LocalTimeSerializer extends ImmutableValueSerializer<LocalTime> {

  private static final long serialVersionUID = 1L;

  /** The only instance. */
  public static final LocalTimeSerializer INSTANCE = new LocalTimeSerializer();

  private LocalTimeSerializer() {}

  @Override
  public void serialize(LocalTime value, DataOutputView target) throws IOException {
    target.writeByte(value.getHour());
    target.writeByte(value.getMinute());
    target.writeByte(value.getSecond());
    target.writeInt(value.getNano());
  }

  @Override
  public LocalTime deserialize(DataInputView source) throws IOException {
    int hour = source.readByte();
    int minute = source.readByte();
    int second = source.readByte();
    int nano = source.readInt();
    try {
      return LocalTime.of(hour, minute, second, nano);
    } catch (DateTimeException e) {
      throw new IOException("Corrupt input: invalid LocalTime", e);
    }
  }

  @Override
  public LocalTime createInstance() {
    return LocalTime.MIDNIGHT;
  }

  @Override
  public int getLength() {
    return 7;
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
