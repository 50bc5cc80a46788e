/**
 * Kafka connectors with Flink's names: {@code KafkaSource} reads topics with one split per partition
 * and offsets in checkpoints, {@code KafkaSink} writes with no guarantee, at least once, or exactly once
 * through one transaction per checkpoint.
 */
package io.spate.connectors.kafka;
