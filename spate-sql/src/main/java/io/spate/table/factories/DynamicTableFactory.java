package io.spate.table.factories;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.configuration.ReadableConfig;
import io.spate.table.catalog.CatalogTable;
import io.spate.table.catalog.ObjectIdentifier;

/** A factory of table sources or sinks. */
@PublicEvolving
public interface DynamicTableFactory extends Factory {

  /** What a factory is told about the table it makes a source or sink for. */
  interface Context {
    /** The table's name. */
    ObjectIdentifier getObjectIdentifier();

    /** The table, with its columns and options. */
    CatalogTable getCatalogTable();

    /** The session's configuration. */
    ReadableConfig getConfiguration();

    /** The class loader for user classes the options name. */
    ClassLoader getClassLoader();

    /** Whether the table is temporary. */
    boolean isTemporary();
  }
}
