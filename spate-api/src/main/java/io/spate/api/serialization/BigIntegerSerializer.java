package io.spate.api.serialization;

import io.spate.api.annotation.Internal;
import java.io.IOException;
import java.math.BigInteger;
/** Serializes {@link BigInteger} values as their two's-complement bytes with a length prefix. */
@Internal
public final class BigIntegerSerializer extends ImmutableValueSerializer<BigInteger> {

  private static final long serialVersionUID = 1L;

  /** The only instance. */
  public static final BigIntegerSerializer INSTANCE = new BigIntegerSerializer();

  private BigIntegerSerializer() {}

  @Override
  public void serialize(BigInteger value, DataOutputView target) throws IOException {
    byte[] bytes = value.toByteArray();
    target.writeVarInt(bytes.length);
    target.write(bytes);
  }

  @Override
  public BigInteger deserialize(DataInputView source) throws IOException {
    byte[] bytes = new byte[readLength(source)];
    source.readFully(bytes);
    if (bytes.length == 0) {
      throw new IOException("Corrupt input: a BigInteger with no bytes");
    }
    return new BigInteger(bytes);
  }

  @Override
  public BigInteger createInstance() {
    return BigInteger.ZERO;
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
