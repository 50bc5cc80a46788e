package io.spate.table.factories;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.configuration.ReadableConfig;
import io.spate.api.serialization.schema.SerializationSchema;
import io.spate.api.types.Row;
import io.spate.table.connector.format.EncodingFormat;

/** Makes a format that writes rows as bytes, for the connectors that write bytes. */
@PublicEvolving
public interface SerializationFormatFactory extends FormatFactory {

  /**
   * The format a table's options describe; {@code formatOptions} are the table's options of this
   * format, without the format's prefix and already checked against its declared options.
   */
  EncodingFormat<SerializationSchema<Row>> createEncodingFormat(DynamicTableFactory.Context context,
      ReadableConfig formatOptions);
}
