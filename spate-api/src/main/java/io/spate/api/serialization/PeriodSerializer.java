package io.spate.api.serialization;

import io.spate.api.annotation.Internal;
import java.io.IOException;
import java.time.Period;

/** Serializes {@link Period} values as their years, months and days, each kept as given (not normalized). */
@Internal
public final class PeriodSerializer extends ImmutableValueSerializer<Period> {

  private static final long serialVersionUID = 1L;

  /** The only instance. */
  public static final PeriodSerializer INSTANCE = new PeriodSerializer();

  private PeriodSerializer() {}

  @Override
  public void serialize(Period value, DataOutputView target) throws IOException {
    target.writeInt(value.getYears());
    target.writeInt(value.getMonths());
    target.writeInt(value.getDays());
  }

  @Override
  public Period deserialize(DataInputView source) throws IOException {
    int years = source.readInt();
    int months = source.readInt();
    return Period.of(years, months, source.readInt());
  }

  @Override
  public Period createInstance() {
    return Period.ZERO;
  }

  @Override
  public int getLength() {
    return 12;
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
