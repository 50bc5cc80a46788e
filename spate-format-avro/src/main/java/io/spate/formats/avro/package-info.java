/**
 * Avro for Spate: binary message schemas ({@link io.spate.formats.avro.AvroSerializationSchema},
 * {@link io.spate.formats.avro.AvroDeserializationSchema}) for Kafka and other message connectors,
 * container files written by {@link io.spate.formats.avro.AvroWriters} for the file sink and read by
 * {@link io.spate.formats.avro.AvroReaders} for the file source, and the type information that lets
 * Avro records travel between tasks and live in state ({@link
 * io.spate.formats.avro.GenericRecordAvroTypeInfo}, {@link io.spate.formats.avro.AvroTypeInfo}).
 * Public-evolving.
 */
package io.spate.formats.avro;
