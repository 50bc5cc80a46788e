package io.spate.table.connector.source.lookup;

import io.spate.api.annotation.PublicEvolving;
import io.spate.table.connector.source.LookupTableSource;
import io.spate.table.functions.LookupFunction;

/** A lookup that runs a synchronous {@link LookupFunction} (Flink's {@code LookupFunctionProvider}). */
@PublicEvolving
public interface LookupFunctionProvider extends LookupTableSource.LookupRuntimeProvider {

  /** A provider of {@code function}. */
  static LookupFunctionProvider of(LookupFunction function) {
    return () -> function;
  }

  /** The function; each parallel instance of the lookup join opens its own copy of it. */
  LookupFunction createLookupFunction();
}
