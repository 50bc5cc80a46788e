package io.spate.table.connector.source.abilities;

import io.spate.api.annotation.PublicEvolving;
import io.spate.table.types.DataType;
import java.util.List;
import java.util.Map;

/**
 * A scan source that gives values besides the record's columns (a Kafka record's topic, offset or
 * timestamp), which a table declares as {@code METADATA} columns. After {@link
 * #applyReadableMetadata}, the source produces rows of its physical columns followed by one field
 * per metadata key, in the order of the keys.
 */
@PublicEvolving
public interface SupportsReadingMetadata {

  /** The metadata keys the source can give, with their types, in the order a table lists them. */
  Map<String, DataType> listReadableMetadata();

  /**
   * Makes the source append the values of {@code metadataKeys} (distinct keys of {@link
   * #listReadableMetadata()}) to each row; {@code producedDataType} is the row type it then produces.
   */
  void applyReadableMetadata(List<String> metadataKeys, DataType producedDataType);
}
