package io.spate.cli;

import io.spate.api.configuration.RestoreMode;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code claim} or {@code no_claim}, in any case, as a restore mode. */
final class RestoreModeConverter implements ITypeConverter<RestoreMode> {

  @Override
  public RestoreMode convert(String value) {
    for (RestoreMode mode : RestoreMode.values()) {
      if (mode.name().equalsIgnoreCase(value.trim())) {
        return mode;
      }
    }
    throw new TypeConversionException("expected claim or no_claim but was '" + value + "'");
  }
}
