package io.spate.table.factories;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.configuration.ReadableConfig;
import io.spate.api.serialization.BulkWriter;
import io.spate.api.types.Row;
import io.spate.table.connector.format.EncodingFormat;

/**
 * Makes a format that writes whole files of rows (Avro container files, Parquet), for the {@code
 * filesystem} connector's sink, whose part files then roll at every checkpoint.
 */
@PublicEvolving
public interface BulkWriterFormatFactory extends FormatFactory {

  /**
   * The format a table's options describe; {@code formatOptions} are the table's options of this
   * format, without the format's prefix and already checked against its declared options. Its
   * encoder writes the rows of the columns in the files.
   */
  EncodingFormat<BulkWriter.Factory<Row>> createEncodingFormat(DynamicTableFactory.Context context,
      ReadableConfig formatOptions);
}
