package io.spate.table.connectors.kafka;

import io.spate.api.annotation.Internal;
import io.spate.table.api.DataTypes;
import io.spate.table.types.DataType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * The metadata of a Kafka record that a table reads or writes as {@code METADATA} columns, with
 * Flink's keys and types: topic, partition, offset, timestamp, timestamp-type, headers, leader-epoch;
 * timestamp and headers are writable.
 */
@Internal
enum KafkaMetadata {
  TOPIC("topic", DataTypes.STRING().notNull(), false) {
    @Override
    Object read(ConsumerRecord<byte[], byte[]> record) {
      return record.topic();
    }
  },
  PARTITION("partition", DataTypes.INT().notNull(), false) {
    @Override
    Object read(ConsumerRecord<byte[], byte[]> record) {
      return record.partition();
    }
  },
  HEADERS("headers", DataTypes.MAP(DataTypes.STRING().nullable(), DataTypes.BYTES().nullable()).notNull(), true) {
    @Override
    Object read(ConsumerRecord<byte[], byte[]> record) {
      Map<String, byte[]> headers = new LinkedHashMap<>();
      for (Header header : record.headers()) {
        headers.put(header.key(), header.value());
      }
      return headers;
    }
  },
  LEADER_EPOCH("leader-epoch", DataTypes.INT().nullable(), false) {
    @Override
    Object read(ConsumerRecord<byte[], byte[]> record) {
      return record.leaderEpoch().orElse(null);
    }
  },
  OFFSET("offset", DataTypes.BIGINT().notNull(), false) {
    @Override
    Object read(ConsumerRecord<byte[], byte[]> record) {
      return record.offset();
    }
  },
  TIMESTAMP("timestamp", DataTypes.TIMESTAMP_LTZ(3).notNull(), true) {
    @Override
    Object read(ConsumerRecord<byte[], byte[]> record) {
      return Instant.ofEpochMilli(record.timestamp());
    }
  },
  TIMESTAMP_TYPE("timestamp-type", DataTypes.STRING().notNull(), false) {
    @Override
    Object read(ConsumerRecord<byte[], byte[]> record) {
      return record.timestampType().toString();
    }
  };

  final String key;
  final DataType type;
  final boolean writable;

  KafkaMetadata(String key, DataType type, boolean writable) {
    this.key = key;
    this.type = type;
    this.writable = writable;
  }

  /** The value of this metadata of {@code record}. */
  abstract Object read(ConsumerRecord<byte[], byte[]> record);

  /** The metadata whose key is {@code key}. */
  static KafkaMetadata of(String key) {
    for (KafkaMetadata metadata : values()) {
      if (metadata.key.equals(key)) {
        return metadata;
      }
    }
    throw new IllegalArgumentException("No Kafka metadata '" + key + "'");
  }

  /** The readable metadata, by key, in Flink's order. */
  static Map<String, DataType> readable() {
    Map<String, DataType> readable = new LinkedHashMap<>();
    for (KafkaMetadata metadata : values()) {
      readable.put(metadata.key, metadata.type);
    }
    return readable;
  }

  /** The writable metadata, by key. */
  static Map<String, DataType> writable() {
    Map<String, DataType> writable = new LinkedHashMap<>();
    for (KafkaMetadata metadata : values()) {
      if (metadata.writable) {
        writable.put(metadata.key, metadata.type);
      }
    }
    return writable;
  }
}
