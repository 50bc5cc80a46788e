package io.spate.table.factories;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.configuration.ConfigOption;
import io.spate.api.configuration.ConfigOptions;
import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.ReadableConfig;
import io.spate.table.api.ValidationException;
import io.spate.table.utils.NearestName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds a table's format by its {@code 'format'} option and checks the table's options of that
 * format ({@code 'csv.field-delimiter'}, ...) against what the format declares, naming the nearest
 * known option for a misspelling, as {@link FactoryUtil} does for connectors.
 */
@PublicEvolving
public final class FormatFactories {

  /** The option that names the format of a connector that reads or writes bytes. */
  public static final ConfigOption<String> FORMAT = ConfigOptions.key("format").stringType().noDefaultValue()
      .withDescription("The format of the table's records: csv, json, ...");

  private FormatFactories() {}

  /**
   * The format factory of kind {@code kind} named by {@code formatOption} of the table {@code context}
   * describes, with that format's options of the table, checked; fails naming the table.
   */
  public static <F extends FormatFactory> Discovered<F> discover(DynamicTableFactory.Context context, Class<F> kind,
      ConfigOption<String> formatOption) {
    String table = context.getObjectIdentifier().asSummaryString();
    String identifier = context.getCatalogTable().getOptions().get(formatOption.key());
    if (identifier == null) {
      throw new ValidationException("Table " + table + " misses the required option '" + formatOption.key()
          + "': add it, for example '" + formatOption.key() + "' = 'csv'");
    }
    F factory = find(context.getClassLoader(), kind, identifier, table);
    return new Discovered<>(factory, options(context, factory));
  }

  /** The format factory of kind {@code kind} whose identifier is {@code identifier}, or an error listing those there are. */
  public static <F extends FormatFactory> F find(ClassLoader classLoader, Class<F> kind, String identifier,
      String table) {
    List<F> matches = new ArrayList<>();
    Set<String> identifiers = new TreeSet<>();
    for (Factory factory : ServiceLoader.load(Factory.class, classLoader)) {
      if (kind.isInstance(factory)) {
        identifiers.add(factory.factoryIdentifier());
        if (factory.factoryIdentifier().equals(identifier)) {
          matches.add(kind.cast(factory));
        }
      }
    }
    if (matches.isEmpty()) {
      String reading = kind == DeserializationFormatFactory.class ? " that reads rows"
          : kind == SerializationFormatFactory.class ? " that writes rows" : "";
      throw new ValidationException("Table " + table + ": no format '" + identifier + "'" + reading
          + " is on the class path" + NearestName.of(identifier, identifiers).map(n -> "; did you mean '" + n + "'?")
              .orElse("") + " Available: " + String.join(", ", identifiers));
    }
    if (matches.size() > 1) {
      throw new ValidationException("Several format factories have the identifier '" + identifier + "': "
          + matches.stream().map(f -> f.getClass().getName()).toList());
    }
    return matches.get(0);
  }

  /**
   * The table's options of {@code factory}'s format, without the {@code '<format>.'} prefix; fails
   * naming every missing required option and every prefixed option the format does not know.
   */
  public static ReadableConfig options(DynamicTableFactory.Context context, FormatFactory factory) {
    String table = context.getObjectIdentifier().asSummaryString();
    String prefix = factory.factoryIdentifier() + ".";
    Map<String, String> given = new LinkedHashMap<>();
    context.getCatalogTable().getOptions().forEach((key, value) -> {
      if (key.startsWith(prefix)) {
        given.put(key.substring(prefix.length()), value);
      }
    });
    List<String> missing = new ArrayList<>();
    for (ConfigOption<?> option : factory.requiredOptions()) {
      if (!given.containsKey(option.key())) {
        missing.add("'" + prefix + option.key() + "'");
      }
    }
    if (!missing.isEmpty()) {
      throw new ValidationException("Table " + table + " misses the required option(s) " + String.join(", ", missing)
          + " of format '" + factory.factoryIdentifier() + "'");
    }
    Set<String> known = new TreeSet<>();
    factory.requiredOptions().forEach(o -> known.add(prefix + o.key()));
    factory.optionalOptions().forEach(o -> known.add(prefix + o.key()));
    List<String> unknown = new ArrayList<>();
    for (String key : given.keySet()) {
      String full = prefix + key;
      if (!known.contains(full)) {
        unknown.add("'" + full + "'" + NearestName.of(full, known).map(n -> " (did you mean '" + n + "'?)").orElse(""));
      }
    }
    if (!unknown.isEmpty()) {
      throw new ValidationException("Table " + table + " has option(s) that format '" + factory.factoryIdentifier()
          + "' does not know: " + String.join(", ", unknown) + ". It knows: " + String.join(", ", known));
    }
    return new CheckedOptions(table, prefix, given);
  }

  /** Whether a format factory of kind {@code kind} with identifier {@code identifier} is on the class path. */
  public static boolean exists(ClassLoader classLoader, Class<? extends FormatFactory> kind, String identifier) {
    for (Factory factory : ServiceLoader.load(Factory.class, classLoader)) {
      if (kind.isInstance(factory) && factory.factoryIdentifier().equals(identifier)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A format factory and the table's options of its format.
   *
   * @param factory the factory
   * @param options the table's options of the format, without prefix
   * @param <F> the factory's kind
   */
  public record Discovered<F extends FormatFactory>(F factory, ReadableConfig options) {}

  /** Options whose values fail, when they do not parse, naming the table and the prefixed key. */
  private static final class CheckedOptions implements ReadableConfig {
    private final String table;
    private final String prefix;
    private final Map<String, String> given;
    private final Configuration configuration;

    CheckedOptions(String table, String prefix, Map<String, String> given) {
      this.table = table;
      this.prefix = prefix;
      this.given = Map.copyOf(given);
      this.configuration = Configuration.fromMap(given);
    }

    @Override
    public <T> T get(ConfigOption<T> option) {
      try {
        return configuration.get(option);
      } catch (RuntimeException e) {
        throw new ValidationException("Table " + table + ": option '" + prefix + option.key() + "' = '"
            + given.get(option.key()) + "' is not a valid " + option.type().getSimpleName() + " (" + e.getMessage()
            + ")", e);
      }
    }

    @Override
    public <T> Optional<T> getOptional(ConfigOption<T> option) {
      return given.containsKey(option.key()) ? Optional.ofNullable(get(option)) : Optional.empty();
    }

    @Override
    public Map<String, String> toMap() {
      return given;
    }
  }
}
