package io.spate.api.datastream;

import io.spate.api.functions.KeySelector;

/** Gives every record the same key, so that {@code windowAll} can run as a keyed window operator. */
final class ConstantKey<T> implements KeySelector<T, Byte> {

  private static final long serialVersionUID = 1L;
  private static final Byte KEY = 0;

  @Override
  public Byte getKey(T value) {
    return KEY;
  }
}
