package io.spate.api.serialization;

import io.spate.api.annotation.Internal;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
/** Serializes {@link BigDecimal} values exactly, as unscaled value and scale, so that {@code 1.0} and {@code 1.00} stay distinct. */
@Internal
public final class BigDecimalSerializer extends ImmutableValueSerializer<BigDecimal> {

  private static final long serialVersionUID = 1L;

  /** The only instance. */
  public static final BigDecimalSerializer INSTANCE = new BigDecimalSerializer();

  private BigDecimalSerializer() {}

  @Override
  public void serialize(BigDecimal value, DataOutputView target) throws IOException {
    BigIntegerSerializer.INSTANCE.serialize(value.unscaledValue(), target);
    target.writeInt(value.scale());
  }

  @Override
  public BigDecimal deserialize(DataInputView source) throws IOException {
    BigInteger unscaled = BigIntegerSerializer.INSTANCE.deserialize(source);
    return new BigDecimal(unscaled, source.readInt());
  }

  @Override
  public BigDecimal createInstance() {
    return BigDecimal.ZERO;
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
