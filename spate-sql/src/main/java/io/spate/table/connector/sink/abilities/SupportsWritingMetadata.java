package io.spate.table.connector.sink.abilities;

import io.spate.api.annotation.PublicEvolving;
import io.spate.table.types.DataType;
import java.util.List;
import java.util.Map;

/**
 * A sink that writes values besides the record's columns (a Kafka record's timestamp or headers),
 * which a table declares as persisted {@code METADATA} columns. After {@link #applyWritableMetadata},
 * the sink takes rows of its physical columns followed by one field per metadata key, in the order
 * of the keys.
 */
@PublicEvolving
public interface SupportsWritingMetadata {

  /** The metadata keys the sink can write, with their types. */
  Map<String, DataType> listWritableMetadata();

  /**
   * Makes the sink take the values of {@code metadataKeys} (distinct keys of {@link
   * #listWritableMetadata()}) after the physical columns; {@code consumedDataType} is the row type it then takes.
   */
  void applyWritableMetadata(List<String> metadataKeys, DataType consumedDataType);
}
