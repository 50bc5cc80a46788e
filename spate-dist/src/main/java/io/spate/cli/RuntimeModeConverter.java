package io.spate.cli;

import io.spate.api.common.RuntimeExecutionMode;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code streaming}, {@code batch} or {@code automatic}, in any case, as a runtime mode. */
final class RuntimeModeConverter implements ITypeConverter<RuntimeExecutionMode> {

  @Override
  public RuntimeExecutionMode convert(String value) {
    for (RuntimeExecutionMode mode : RuntimeExecutionMode.values()) {
      if (mode.name().equalsIgnoreCase(value.trim())) {
        return mode;
      }
    }
    throw new TypeConversionException(
        "expected streaming, batch or automatic but was '" + value + "'");
  }
}
