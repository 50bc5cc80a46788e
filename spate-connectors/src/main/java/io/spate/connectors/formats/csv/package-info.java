/**
 * CSV with Jackson's CSV module: {@link io.spate.connectors.formats.csv.CsvSerializationSchema} and
 * {@link io.spate.connectors.formats.csv.CsvDeserializationSchema} (rows as messages, for Kafka and
 * other message connectors) and {@link io.spate.connectors.formats.csv.CsvBulkWriters} (CSV part files
 * for the file sink). CSV files are read with {@code io.spate.connectors.file.CsvReaderFormat}.
 * Public-evolving.
 */
package io.spate.connectors.formats.csv;
