package io.spate.api.configuration;

import io.spate.api.annotation.PublicEvolving;
import java.util.Map;
import java.util.Optional;

/** Read access to typed configuration values, as {@link Configuration} gives it. */
@PublicEvolving
public interface ReadableConfig {

  /** The value of {@code option}, or its default when it is not set. */
  <T> T get(ConfigOption<T> option);

  /** The value of {@code option} if it is set (under its key or one of its fallback keys). */
  <T> Optional<T> getOptional(ConfigOption<T> option);

  /** The values that are set, as strings, keyed by the keys they were set under. */
  Map<String, String> toMap();
}
