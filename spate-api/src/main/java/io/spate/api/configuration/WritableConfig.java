package io.spate.api.configuration;

import io.spate.api.annotation.PublicEvolving;

/** Write access to typed configuration values, as {@link Configuration} gives it. */
@PublicEvolving
public interface WritableConfig {

  /** Sets {@code option} to {@code value}. */
  <T> WritableConfig set(ConfigOption<T> option, T value);
}
