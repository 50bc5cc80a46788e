package io.spate.api.configuration;

import io.spate.api.annotation.PublicEvolving;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Flink's builder of {@link ConfigOption}s: {@code ConfigOptions.key("a.b").intType().defaultValue(1)}
 * gives the option at once, to which {@code withDescription}, {@code withFallbackKeys} and {@code
 * withDeprecatedKeys} add.
 */
@PublicEvolving
public class ConfigOptions {

  /** Flink's class has a public constructor; everything here is static. */
  public ConfigOptions() {}

  /** Starts the option with key {@code key}: choose its type next. */
  public static OptionBuilder key(String key) {
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException("A configuration option's key must not be null or blank, but is '"
          + key + "'.");
    }
    return new OptionBuilder(key);
  }

  /** The first step of an option: its type. */
  @PublicEvolving
  public static final class OptionBuilder {

    private final String key;

    OptionBuilder(String key) {
      this.key = key;
    }

    /** A boolean option. */
    public TypedConfigOptionBuilder<Boolean> booleanType() {
      return new TypedConfigOptionBuilder<>(key, Boolean.class);
    }

    /** An int option. */
    public TypedConfigOptionBuilder<Integer> intType() {
      return new TypedConfigOptionBuilder<>(key, Integer.class);
    }

    /** A long option. */
    public TypedConfigOptionBuilder<Long> longType() {
      return new TypedConfigOptionBuilder<>(key, Long.class);
    }

    /** A float option. */
    public TypedConfigOptionBuilder<Float> floatType() {
      return new TypedConfigOptionBuilder<>(key, Float.class);
    }

    /** A double option. */
    public TypedConfigOptionBuilder<Double> doubleType() {
      return new TypedConfigOptionBuilder<>(key, Double.class);
    }

    /** A string option. */
    public TypedConfigOptionBuilder<String> stringType() {
      return new TypedConfigOptionBuilder<>(key, String.class);
    }

    /** A duration option, written like {@code 200 ms}, {@code 10 s} or {@code PT1M}. */
    public TypedConfigOptionBuilder<Duration> durationType() {
      return new TypedConfigOptionBuilder<>(key, Duration.class);
    }

    /** A memory size option, written like {@code 64 mb}. */
    public TypedConfigOptionBuilder<MemorySize> memoryType() {
      return new TypedConfigOptionBuilder<>(key, MemorySize.class);
    }

    /** An enum option, written as a constant's name in any case. */
    public <T extends Enum<T>> TypedConfigOptionBuilder<T> enumType(Class<T> enumClass) {
      return new TypedConfigOptionBuilder<>(key, enumClass);
    }

    /** A map option, written as {@code k1:v1,k2:v2}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public TypedConfigOptionBuilder<Map<String, String>> mapType() {
      return new TypedConfigOptionBuilder<>(key, (Class) Map.class);
    }

    /**
     * An option typed by its default's class (String, Integer, Long, Boolean, Float, Double, Duration,
     * MemorySize or an enum), as Flink's untyped builder did.
     *
     * @deprecated choose the type first, such as {@code intType().defaultValue(1)}.
     */
    @Deprecated
    @SuppressWarnings("unchecked")
    public <T> ConfigOption<T> defaultValue(T value) {
      if (value == null) {
        throw new IllegalArgumentException("Option '" + key + "': the default value must not be null; use"
            + " noDefaultValue().");
      }
      Class<T> type = (Class<T>) (value instanceof Enum<?> e ? e.getDeclaringClass() : value.getClass());
      return new TypedConfigOptionBuilder<>(key, type).defaultValue(value);
    }

    /**
     * A string option without a default.
     *
     * @deprecated use {@code stringType().noDefaultValue()}.
     */
    @Deprecated
    public ConfigOption<String> noDefaultValue() {
      return stringType().noDefaultValue();
    }
  }

  /** The second step of an option: its default, or a list of values of the type. */
  @PublicEvolving
  public static class TypedConfigOptionBuilder<T> {

    private final String key;
    private final Class<T> type;

    TypedConfigOptionBuilder(String key, Class<T> type) {
      this.key = key;
      this.type = type;
    }

    /** An option whose value is a list of values of this type, written separated by {@code ;}. */
    public ListConfigOptionBuilder<T> asList() {
      return new ListConfigOptionBuilder<>(key, type);
    }

    /** The option with default {@code value}. */
    public ConfigOption<T> defaultValue(T value) {
      return new ConfigOption<>(key, type, value, "", null, false, null, List.of());
    }

    /** The option without a default. */
    public ConfigOption<T> noDefaultValue() {
      return defaultValue(null);
    }
  }

  /** The second step of a list option: its default values. */
  @PublicEvolving
  public static class ListConfigOptionBuilder<E> {

    private final String key;
    private final Class<E> elementType;

    ListConfigOptionBuilder(String key, Class<E> elementType) {
      this.key = key;
      this.elementType = elementType;
    }

    /** The option with the default list {@code values}. */
    @SafeVarargs
    public final ConfigOption<List<E>> defaultValues(E... values) {
      return option(List.copyOf(Arrays.asList(values)));
    }

    /** The option without a default. */
    public ConfigOption<List<E>> noDefaultValue() {
      return option(null);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private ConfigOption<List<E>> option(List<E> defaultValue) {
      return new ConfigOption<>(key, (Class) List.class, defaultValue, "", null, false, elementType, List.of());
    }
  }
}
