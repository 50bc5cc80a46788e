package io.spate.connectors.datagen;

import io.spate.api.connector.source.SourceReaderContext;
import java.io.Serializable;

/**
 * Turns an index into a record for a {@link DataGeneratorSource}; called once per record, in index
 * order within a split.
 *
 * @param <T> the input type (the {@code Long} index)
 * @param <O> the generated record type
 */
@FunctionalInterface
public interface GeneratorFunction<T, O> extends Serializable {

  /** Called once per reader before the first {@link #map}. */
  default void open(SourceReaderContext readerContext) throws Exception {}

  /** The record for {@code value}. */
  O map(T value) throws Exception;

  /** Called once per reader when it closes. */
  default void close() throws Exception {}
}
