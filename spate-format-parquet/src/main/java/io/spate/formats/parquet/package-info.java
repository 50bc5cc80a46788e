/**
 * Parquet files of Avro records: {@link io.spate.formats.parquet.AvroParquetWriters} makes bulk
 * writers for the file sink, {@link io.spate.formats.parquet.AvroParquetReaders} record formats for the
 * file source; generic, specific and reflect records, as in Flink. Public-evolving.
 */
package io.spate.formats.parquet;
