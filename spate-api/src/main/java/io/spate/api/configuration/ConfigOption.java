package io.spate.api.configuration;

import io.spate.api.annotation.PublicEvolving;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A typed configuration key with its default and documentation.
 *
 * @param key the key as written in {@code spate.yaml} or with {@code -D}
 * @param type the value type: String, Integer, Long, Boolean, Double, Duration, MemorySize or an
 *     enum
 * @param defaultValue the value when none is set; may be null
 * @param description one sentence for the generated option table
 * @param documentedDefault how the default is shown in the option table when it depends on the
 *     machine (such as "number of cores"), or null to show the value
 * @param secret whether the value is a password, token or other secret that must never be shown
 *     (the REST API's {@code /config} masks it)
 * @param elementType for a list option ({@code type} is {@code List}), the type of its elements;
 *     otherwise null
 * @param fallbackKeys the keys read, in order, when {@code key} is not set
 * @param <T> the value type
 */
@PublicEvolving
public record ConfigOption<T>(
    String key, Class<T> type, T defaultValue, String description, String documentedDefault, boolean secret,
    Class<?> elementType, List<FallbackKey> fallbackKeys)
    implements Serializable {

  /** An option whose value is not secret. */
  public ConfigOption(String key, Class<T> type, T defaultValue, String description, String documentedDefault) {
    this(key, type, defaultValue, description, documentedDefault, false);
  }

  /** An option that is not a list and has no fallback keys. */
  public ConfigOption(
      String key, Class<T> type, T defaultValue, String description, String documentedDefault, boolean secret) {
    this(key, type, defaultValue, description, documentedDefault, secret, null, List.of());
  }

  /** Validates the option's definition. */
  public ConfigOption {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(description, "description");
    if ((type == List.class) != (elementType != null)) {
      throw new IllegalArgumentException("Option '" + key + "': a list option needs an element type, and only a"
          + " list option has one.");
    }
    fallbackKeys = List.copyOf(Objects.requireNonNull(fallbackKeys, "fallbackKeys"));
  }

  /** Starts an option definition: {@code ConfigOption.key("a.b").intType().defaultValue(1)}. */
  public static Builder key(String key) {
    return new Builder(key);
  }

  /** The first step of an option definition: choose the type. */
  public static final class Builder {
    private final String key;

    private Builder(String key) {
      this.key = key;
    }

    /** A string-valued option. */
    public TypedBuilder<String> stringType() {
      return new TypedBuilder<>(key, String.class);
    }

    /** An int-valued option. */
    public TypedBuilder<Integer> intType() {
      return new TypedBuilder<>(key, Integer.class);
    }

    /** A long-valued option. */
    public TypedBuilder<Long> longType() {
      return new TypedBuilder<>(key, Long.class);
    }

    /** A boolean option. */
    public TypedBuilder<Boolean> booleanType() {
      return new TypedBuilder<>(key, Boolean.class);
    }

    /** A double-valued option. */
    public TypedBuilder<Double> doubleType() {
      return new TypedBuilder<>(key, Double.class);
    }

    /** A float-valued option. */
    public TypedBuilder<Float> floatType() {
      return new TypedBuilder<>(key, Float.class);
    }

    /** A duration option, written like {@code 200 ms}, {@code 10s} or {@code 1 min}. */
    public TypedBuilder<Duration> durationType() {
      return new TypedBuilder<>(key, Duration.class);
    }

    /** A memory size option, written like {@code 20 kb}, {@code 64mb} or {@code 1 gb}. */
    public TypedBuilder<MemorySize> memoryType() {
      return new TypedBuilder<>(key, MemorySize.class);
    }

    /** An enum option, written as the constant's name in any case. */
    public <E extends Enum<E>> TypedBuilder<E> enumType(Class<E> type) {
      return new TypedBuilder<>(key, type);
    }
  }

  /** The second step of an option definition: the default and the description. */
  public static final class TypedBuilder<T> {
    private final String key;
    private final Class<T> type;
    private T defaultValue;
    private String documentedDefault;
    private boolean secret;

    private TypedBuilder(String key, Class<T> type) {
      this.key = key;
      this.type = type;
    }

    /** Sets the default value. */
    public TypedBuilder<T> defaultValue(T value) {
      this.defaultValue = value;
      return this;
    }

    /** Sets a default that depends on the machine, and how the option table shows it. */
    public TypedBuilder<T> defaultValue(T value, String documentedAs) {
      this.defaultValue = value;
      this.documentedDefault = documentedAs;
      return this;
    }

    /** Declares that the option has no default. */
    public TypedBuilder<T> noDefaultValue() {
      this.defaultValue = null;
      return this;
    }

    /** Marks the value as a secret (a password or token) that is never shown. */
    public TypedBuilder<T> secret() {
      this.secret = true;
      return this;
    }

    /** Completes the option with its one-sentence documentation. */
    public ConfigOption<T> withDescription(String description) {
      return new ConfigOption<>(key, type, defaultValue, description, documentedDefault, secret);
    }
  }

  // ---------------------------------------------------------------- Flink's ConfigOption methods

  /** This option, also read under {@code keys} (in order) when its own key is not set. */
  public ConfigOption<T> withFallbackKeys(String... keys) {
    return withMoreKeys(keys, false);
  }

  /** This option, also read under the older names {@code keys} (in order) when its own key is not set. */
  public ConfigOption<T> withDeprecatedKeys(String... keys) {
    return withMoreKeys(keys, true);
  }

  private ConfigOption<T> withMoreKeys(String[] keys, boolean deprecated) {
    List<FallbackKey> all = new ArrayList<>(fallbackKeys);
    for (String k : keys) {
      all.add(deprecated ? FallbackKey.createDeprecatedKey(k) : FallbackKey.createFallbackKey(k));
    }
    return new ConfigOption<>(key, type, defaultValue, description, documentedDefault, secret, elementType, all);
  }

  /** This option with {@code description} as its documentation. */
  public ConfigOption<T> withDescription(String description) {
    return new ConfigOption<>(
        key, type, defaultValue, description, documentedDefault, secret, elementType, fallbackKeys);
  }

  /** Whether the option has a default value. */
  public boolean hasDefaultValue() {
    return defaultValue != null;
  }

  /** Whether the option has older, deprecated names. */
  public boolean hasDeprecatedKeys() {
    return fallbackKeys.stream().anyMatch(FallbackKey::isDeprecated);
  }

  /** The option's older, deprecated names, in the order they are read. */
  public Iterable<String> deprecatedKeys() {
    return fallbackKeys.stream().filter(FallbackKey::isDeprecated).map(FallbackKey::getKey).toList();
  }

  /** Whether the option is read under other keys when its own is not set. */
  public boolean hasFallbackKeys() {
    return !fallbackKeys.isEmpty();
  }
}
