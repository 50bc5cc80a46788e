/**
 * {@code KafkaSink} with Flink's names: records serialized by a {@link
 * io.spate.connectors.kafka.sink.KafkaRecordSerializationSchema} into Kafka topics, with no
 * guarantee, at least once (flushed at every checkpoint) or exactly once (one Kafka transaction per
 * checkpoint and subtask, committed when the checkpoint completes).
 */
package io.spate.connectors.kafka.sink;
