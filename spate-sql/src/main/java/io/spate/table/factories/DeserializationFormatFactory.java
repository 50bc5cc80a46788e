package io.spate.table.factories;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.configuration.ReadableConfig;
import io.spate.api.serialization.schema.DeserializationSchema;
import io.spate.api.types.Row;
import io.spate.table.connector.format.DecodingFormat;

/** Makes a format that reads rows from bytes, for the connectors that read bytes. */
@PublicEvolving
public interface DeserializationFormatFactory extends FormatFactory {

  /**
   * The format a table's options describe; {@code formatOptions} are the table's options of this
   * format, without the format's prefix and already checked against its declared options.
   */
  DecodingFormat<DeserializationSchema<Row>> createDecodingFormat(DynamicTableFactory.Context context,
      ReadableConfig formatOptions);
}
