package io.spate.table.factories;

import io.spate.api.annotation.PublicEvolving;
import io.spate.table.connector.source.DynamicTableSource;

/** Makes the source of a table whose {@code 'connector'} option names it. */
@PublicEvolving
public interface DynamicTableSourceFactory extends DynamicTableFactory {

  /** The source of the table {@code context} describes; fails naming a wrong option. */
  DynamicTableSource createDynamicTableSource(Context context);
}
