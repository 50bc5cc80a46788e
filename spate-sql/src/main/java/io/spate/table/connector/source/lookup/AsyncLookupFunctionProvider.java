package io.spate.table.connector.source.lookup;

import io.spate.api.annotation.PublicEvolving;
import io.spate.table.connector.source.LookupTableSource;
import io.spate.table.functions.AsyncLookupFunction;

/** A lookup that runs an {@link AsyncLookupFunction} (Flink's {@code AsyncLookupFunctionProvider}). */
@PublicEvolving
public interface AsyncLookupFunctionProvider extends LookupTableSource.LookupRuntimeProvider {

  /** A provider of {@code function}. */
  static AsyncLookupFunctionProvider of(AsyncLookupFunction function) {
    return () -> function;
  }

  /** The function; each parallel instance of the lookup join opens its own copy of it. */
  AsyncLookupFunction createAsyncLookupFunction();
}
