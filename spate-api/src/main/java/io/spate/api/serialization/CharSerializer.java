package io.spate.api.serialization;

import io.spate.api.annotation.Internal;
import java.io.IOException;

/** Serializes {@link Character} values as two bytes. */
@Internal
public final class CharSerializer extends ImmutableValueSerializer<Character> {

  private static final long serialVersionUID = 1L;

  /** The only instance. */
  public static final CharSerializer INSTANCE = new CharSerializer();

  private CharSerializer() {}

  @Override
  public void serialize(Character value, DataOutputView target) throws IOException {
    target.writeChar(value);
  }

  @Override
  public Character deserialize(DataInputView source) throws IOException {
    return source.readChar();
  }

  @Override
  public Character createInstance() {
    return (char) 0;
  }

  @Override
  public int getLength() {
    return 2;
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
