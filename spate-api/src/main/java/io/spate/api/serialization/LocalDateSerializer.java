package io.spate.api.serialization;

import io.spate.api.annotation.Internal;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;
/** Serializes {@link LocalDate} values as year, month and day. */
@Internal
public final class LocalDateSerializer extends ImmutableValueSerializer<LocalDate> {

  private static final long serialVersionUID = 1L;

  /** The only instance. */
  public static final LocalDateSerializer INSTANCE = new LocalDateSerializer();

  private LocalDateSerializer() {}

  @Override
  public void serialize(LocalDate value, DataOutputView target) throws IOException {
    target.writeInt(value.getYear());
    target.writeByte(value.getMonthValue());
    target.writeByte(value.getDayOfMonth());
  }

  @Override
  public LocalDate deserialize(DataInputView source) throws IOException {
    int year = source.readInt();
    int month = source.readByte();
    int day = source.readByte();
    try {
      return LocalDate.of(year, month, day);
    } catch (DateTimeException e) {
      throw new IOException("Corrupt input: invalid LocalDate", e);
    }
  }

  @Override
  public LocalDate createInstance() {
    return LocalDate.EPOCH;
  }

  @Override
  public int getLength() {
    return 6;
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
