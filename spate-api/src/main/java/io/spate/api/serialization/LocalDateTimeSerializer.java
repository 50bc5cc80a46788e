package io.spate.api.serialization;

import io.spate.api.annotation.Internal;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
/** Serializes {@link LocalDateTime} values as a date followed by a time of day. */
@Internal
public final class LocalDateTimeSerializer extends ImmutableValueSerializer<LocalDateTime> {

  private static final long serialVersionUID = 1L;

  /** The only instance. */
  public static final LocalDateTimeSerializer INSTANCE = new LocalDateTimeSerializer();

  private LocalDateTimeSerializer() {}

  @Override
  public void serialize(LocalDateTime value, DataOutputView target) throws IOException {
    LocalDateSerializer.INSTANCE.serialize(value.toLocalDate(), target);
    LocalTimeSerializer.INSTANCE.serialize(value.toLocalTime(), target);
  }

  @Override
  public LocalDateTime deserialize(DataInputView source) throws IOException {
    LocalDate date = LocalDateSerializer.INSTANCE.deserialize(source);
    return LocalDateTime.of(date, LocalTimeSerializer.INSTANCE.deserialize(source));
  }

  @Override
  public LocalDateTime createInstance() {
    return LocalDateTime.of(LocalDate.EPOCH, LocalTime.MIDNIGHT);
  }

  @Override
  public int getLength() {
    return 13;
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
