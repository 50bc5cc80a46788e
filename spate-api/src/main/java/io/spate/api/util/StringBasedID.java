package io.spate.api.util;

import io.spate.api.annotation.PublicEvolving;
import java.io.Serializable;
import java.util.Objects;

/** An identifier that is a string, for subclasses that give it a type of its own. */
@PublicEvolving
public class StringBasedID implements Serializable {

  private static final long serialVersionUID = 1L;

  private final String keyString;

  /** The ID {@code keyString}. */
  protected StringBasedID(String keyString) {
    this.keyString = Objects.requireNonNull(keyString, "keyString");
  }

  /** The string. */
  public String getKeyString() {
    return keyString;
  }

  @Override
  public boolean equals(Object o) {
    return o != null && o.getClass() == getClass() && keyString.equals(((StringBasedID) o).keyString);
  }

  @Override
  public int hashCode() {
    return keyString.hashCode();
  }

  @Override
  public String toString() {
    return keyString;
  }
}
