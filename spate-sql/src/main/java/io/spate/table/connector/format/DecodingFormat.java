package io.spate.table.connector.format;

import io.spate.api.annotation.PublicEvolving;
import io.spate.table.connector.source.ScanTableSource;
import io.spate.table.types.DataType;

/**
 * A format that reads records: it makes the runtime decoder (a {@code DeserializationSchema<Row>}
 * for the formats of byte-oriented connectors) of the rows of a given physical type.
 *
 * @param <I> the runtime decoder's type
 */
@PublicEvolving
public interface DecodingFormat<I> extends Format {

  /** The decoder of rows of {@code physicalDataType} (a {@code ROW} of the columns the format reads). */
  I createRuntimeDecoder(ScanTableSource.ScanContext context, DataType physicalDataType);
}
