package io.spate.table.factories;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.configuration.ConfigOption;
import io.spate.api.configuration.ConfigOptions;
import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.ReadableConfig;
import io.spate.table.api.ValidationException;
import io.spate.table.connector.sink.DynamicTableSink;
import io.spate.table.connector.source.DynamicTableSource;
import io.spate.table.utils.NearestName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/** Finds table factories by their identifier and checks a table's options against what a factory declares. */
@PublicEvolving
public final class FactoryUtil {

  /** The option that names a table's connector. */
  public static final ConfigOption<String> CONNECTOR = ConfigOptions.key("connector").stringType().noDefaultValue()
      .withDescription("The connector of the table: datagen, print, blackhole, filesystem, kafka, jdbc, ...");

  private FactoryUtil() {}

  /** The source of the table {@code context} describes, from the factory its {@code 'connector'} names. */
  public static DynamicTableSource createDynamicTableSource(DynamicTableFactory.Context context) {
    DynamicTableSourceFactory factory = discoverFactory(context.getClassLoader(), DynamicTableSourceFactory.class,
        connectorOf(context));
    try {
      return factory.createDynamicTableSource(context);
    } catch (ValidationException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ValidationException("Could not create the source of table "
          + context.getObjectIdentifier().asSummaryString() + ": " + e.getMessage(), e);
    }
  }

  /** The sink of the table {@code context} describes, from the factory its {@code 'connector'} names. */
  public static DynamicTableSink createDynamicTableSink(DynamicTableFactory.Context context) {
    DynamicTableSinkFactory factory = discoverFactory(context.getClassLoader(), DynamicTableSinkFactory.class,
        connectorOf(context));
    try {
      return factory.createDynamicTableSink(context);
    } catch (ValidationException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ValidationException("Could not create the sink of table "
          + context.getObjectIdentifier().asSummaryString() + ": " + e.getMessage(), e);
    }
  }

  /** The factory of kind {@code factoryClass} whose identifier is {@code identifier}, or an error listing the ones there are. */
  public static <T extends Factory> T discoverFactory(ClassLoader classLoader, Class<T> factoryClass,
      String identifier) {
    List<T> matches = new ArrayList<>();
    Set<String> identifiers = new TreeSet<>();
    for (Factory factory : ServiceLoader.load(Factory.class, classLoader)) {
      if (factoryClass.isInstance(factory)) {
        identifiers.add(factory.factoryIdentifier());
        if (factory.factoryIdentifier().equals(identifier)) {
          matches.add(factoryClass.cast(factory));
        }
      }
    }
    if (matches.isEmpty()) {
      throw new ValidationException("No " + kindOf(factoryClass) + " connector '" + identifier
          + "' is on the class path" + NearestName.of(identifier, identifiers).map(n -> "; did you mean '" + n + "'?")
              .orElse("") + " Available: " + String.join(", ", identifiers));
    }
    if (matches.size() > 1) {
      throw new ValidationException("Several " + kindOf(factoryClass) + " factories have the identifier '"
          + identifier + "': " + matches.stream().map(f -> f.getClass().getName()).toList());
    }
    return matches.get(0);
  }

  /** A helper that validates {@code context}'s options against {@code factory}'s and reads them. */
  public static TableFactoryHelper createTableFactoryHelper(DynamicTableFactory factory,
      DynamicTableFactory.Context context) {
    return new TableFactoryHelper(factory, context);
  }

  private static String connectorOf(DynamicTableFactory.Context context) {
    String connector = context.getCatalogTable().getOptions().get(CONNECTOR.key());
    if (connector == null) {
      throw new ValidationException("Table " + context.getObjectIdentifier().asSummaryString()
          + " has no 'connector' option: add WITH ('connector' = '...') to its CREATE TABLE");
    }
    return connector;
  }

  private static String kindOf(Class<?> factoryClass) {
    return factoryClass == DynamicTableSourceFactory.class ? "source"
        : factoryClass == DynamicTableSinkFactory.class ? "sink" : factoryClass.getSimpleName();
  }

  /** Validates and reads a table's options for one factory. */
  public static final class TableFactoryHelper {
    private final DynamicTableFactory factory;
    private final DynamicTableFactory.Context context;
    private final Configuration options;

    private TableFactoryHelper(DynamicTableFactory factory, DynamicTableFactory.Context context) {
      this.factory = factory;
      this.context = context;
      this.options = Configuration.fromMap(context.getCatalogTable().getOptions());
    }

    /** Fails naming every required option that is missing and every option the factory does not know. */
    public void validate() {
      validateExcept();
    }

    /** Like {@link #validate()}, but accepts any option whose key starts with one of {@code prefixes}. */
    public void validateExcept(String... prefixes) {
      Map<String, String> given = context.getCatalogTable().getOptions();
      String table = context.getObjectIdentifier().asSummaryString();
      List<String> missing = new ArrayList<>();
      for (ConfigOption<?> option : factory.requiredOptions()) {
        if (!given.containsKey(option.key())) {
          missing.add(option.key());
        }
      }
      if (!missing.isEmpty()) {
        throw new ValidationException("Table " + table + " misses the required option(s) " + String.join(", ", missing)
            + " of connector '" + factory.factoryIdentifier() + "'");
      }
      Set<String> known = new TreeSet<>();
      known.add(CONNECTOR.key());
      factory.requiredOptions().forEach(o -> known.add(o.key()));
      factory.optionalOptions().forEach(o -> known.add(o.key()));
      List<String> unknown = new ArrayList<>();
      for (String key : given.keySet()) {
        boolean prefixed = false;
        for (String prefix : prefixes) {
          prefixed |= key.startsWith(prefix);
        }
        if (!known.contains(key) && !prefixed) {
          unknown.add("'" + key + "'" + NearestName.of(key, known).map(n -> " (did you mean '" + n + "'?)").orElse(""));
        }
      }
      if (!unknown.isEmpty()) {
        throw new ValidationException("Table " + table + " has option(s) that connector '" + factory.factoryIdentifier()
            + "' does not know: " + String.join(", ", unknown) + ". It knows: " + String.join(", ", known));
      }
    }

    /** The table's options, typed through {@link ConfigOption}s. */
    public ReadableConfig getOptions() {
      return new ReadableConfig() {
        @Override
        public <T> T get(ConfigOption<T> option) {
          try {
            return options.get(option);
          } catch (RuntimeException e) {
            throw new ValidationException("Table " + context.getObjectIdentifier().asSummaryString() + ": option '"
                + option.key() + "' = '" + context.getCatalogTable().getOptions().get(option.key()) + "' is not a valid "
                + option.type().getSimpleName() + " (" + e.getMessage() + ")", e);
          }
        }

        @Override
        public <T> java.util.Optional<T> getOptional(ConfigOption<T> option) {
          return context.getCatalogTable().getOptions().containsKey(option.key())
              ? java.util.Optional.ofNullable(get(option)) : java.util.Optional.empty();
        }

        @Override
        public Map<String, String> toMap() {
          return context.getCatalogTable().getOptions();
        }
      };
    }
  }
}
