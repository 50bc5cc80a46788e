package io.spate.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a constant of an enum by its name in any case; the error says which names it expected. */
abstract class CaseInsensitiveEnumConverter<E extends Enum<E>> implements ITypeConverter<E> {

  private final Class<E> type;
  private final String expected;

  /** Reads constants of {@code type}; {@code expected} lists them for the error, e.g. "claim or no_claim". */
  CaseInsensitiveEnumConverter(Class<E> type, String expected) {
    this.type = type;
    this.expected = expected;
  }

  @Override
  public E convert(String value) {
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equalsIgnoreCase(value.trim())) {
        return constant;
      }
    }
    throw new TypeConversionException("expected " + expected + " but was '" + value + "'");
  }
}
