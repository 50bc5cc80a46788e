package io.spate.table.factories;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.configuration.ConfigOption;
import java.util.Set;

/**
 * A connector (or format) that SQL finds by the {@code 'connector'} option's value, through
 * {@link java.util.ServiceLoader}: list the class in {@code META-INF/services/io.spate.table.factories.Factory}.
 */
@PublicEvolving
public interface Factory {

  /** The value of {@code 'connector'} that selects this factory, such as {@code datagen}. */
  String factoryIdentifier();

  /** Options a table must set. */
  Set<ConfigOption<?>> requiredOptions();

  /** Options a table may set. */
  Set<ConfigOption<?>> optionalOptions();
}
