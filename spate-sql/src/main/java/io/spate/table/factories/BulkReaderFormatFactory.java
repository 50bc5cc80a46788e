package io.spate.table.factories;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.configuration.ReadableConfig;
import io.spate.api.types.Row;
import io.spate.connectors.file.BulkFormat;
import io.spate.connectors.file.FileSourceSplit;
import io.spate.table.connector.format.DecodingFormat;

/**
 * Makes a format that reads whole files of rows (Avro container files, Parquet), for the {@code
 * filesystem} connector; a format that is both this and a {@link DeserializationFormatFactory} is read
 * as files by the filesystem connector.
 */
@PublicEvolving
public interface BulkReaderFormatFactory extends FormatFactory {

  /**
   * The format a table's options describe; {@code formatOptions} are the table's options of this
   * format, without the format's prefix and already checked against its declared options. Its
   * decoder reads the rows of the columns in the files.
   */
  DecodingFormat<BulkFormat<Row, FileSourceSplit>> createDecodingFormat(DynamicTableFactory.Context context,
      ReadableConfig formatOptions);
}
