package io.spate.table.factories;

import io.spate.api.annotation.PublicEvolving;
import io.spate.table.connector.sink.DynamicTableSink;

/** Makes the sink of a table whose {@code 'connector'} option names it. */
@PublicEvolving
public interface DynamicTableSinkFactory extends DynamicTableFactory {

  /** The sink of the table {@code context} describes; fails naming a wrong option. */
  DynamicTableSink createDynamicTableSink(Context context);
}
