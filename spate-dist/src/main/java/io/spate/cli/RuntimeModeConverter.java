package io.spate.cli;

import io.spate.api.common.RuntimeExecutionMode;

/** Reads {@code streaming}, {@code batch} or {@code automatic}, in any case, as a runtime mode. */
final class RuntimeModeConverter extends CaseInsensitiveEnumConverter<RuntimeExecutionMode> {

  RuntimeModeConverter() {
    super(RuntimeExecutionMode.class, "streaming, batch or automatic");
  }
}
