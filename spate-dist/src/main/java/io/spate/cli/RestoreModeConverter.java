package io.spate.cli;

import io.spate.api.configuration.RestoreMode;

/** Reads {@code claim} or {@code no_claim}, in any case, as a restore mode. */
final class RestoreModeConverter extends CaseInsensitiveEnumConverter<RestoreMode> {

  RestoreModeConverter() {
    super(RestoreMode.class, "claim or no_claim");
  }
}
