package io.spate.api.configuration;

import io.spate.api.annotation.PublicEvolving;
import java.io.Serializable;
import java.util.Objects;

/**
 * Another key under which a {@link ConfigOption}'s value is read when its own key is not set: an
 * older, deprecated name, or a more general option it falls back to.
 */
@PublicEvolving
public final class FallbackKey implements Serializable {

  private static final long serialVersionUID = 1L;

  private final String key;
  private final boolean deprecated;

  private FallbackKey(String key, boolean deprecated) {
    this.key = Objects.requireNonNull(key, "A fallback key must not be null.");
    this.deprecated = deprecated;
  }

  static FallbackKey createFallbackKey(String key) {
    return new FallbackKey(key, false);
  }

  static FallbackKey createDeprecatedKey(String key) {
    return new FallbackKey(key, true);
  }

  /** The key. */
  public String getKey() {
    return key;
  }

  /** Whether the key is an older name of the option rather than a more general option. */
  public boolean isDeprecated() {
    return deprecated;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FallbackKey other && key.equals(other.key) && deprecated == other.deprecated;
  }

  @Override
  public int hashCode() {
    return 31 * key.hashCode() + Boolean.hashCode(deprecated);
  }

  @Override
  public String toString() {
    return (deprecated ? "deprecated key '" : "fallback key '") + key + "'";
  }
}
