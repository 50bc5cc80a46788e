package io.spate.table.connector.format;

import io.spate.api.annotation.PublicEvolving;
import io.spate.table.connector.sink.DynamicTableSink;
import io.spate.table.types.DataType;

/**
 * A format that writes records: it makes the runtime encoder (a {@code SerializationSchema<Row>}
 * for the formats of byte-oriented connectors) of the rows of a given physical type.
 *
 * @param <I> the runtime encoder's type
 */
@PublicEvolving
public interface EncodingFormat<I> extends Format {

  /** The encoder of rows of {@code physicalDataType} (a {@code ROW} of the columns the format writes). */
  I createRuntimeEncoder(DynamicTableSink.Context context, DataType physicalDataType);
}
