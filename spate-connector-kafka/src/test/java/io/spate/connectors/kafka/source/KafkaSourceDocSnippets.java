package io.spate.connectors.kafka.source;

import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.functions.Collector;
import io.spate.api.serialization.schema.SimpleStringSchema;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.typeinfo.Types;
import io.spate.connectors.kafka.source.enumerator.initializer.OffsetsInitializer;
import io.spate.connectors.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/** The code of docs/connectors/kafka.md, compiled here; KafkaSourceDeserializationTest runs the bounded read. */
@SuppressWarnings("deprecation") // OffsetResetStrategy, as in Flink's API
final class KafkaSourceDocSnippets {

  private KafkaSourceDocSnippets() {}

static DataStream<String> orders(StreamExecutionEnvironment env, String brokers) {
  KafkaSource<String> source = KafkaSource.<String>builder()
      .setBootstrapServers(brokers)
      .setTopics("orders")
      .setGroupId("order-audit")
      .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
      .setValueOnlyDeserializer(new SimpleStringSchema())
      .build();
  return env.fromSource(source,
      WatermarkStrategy.<String>forBoundedOutOfOrderness(Duration.ofSeconds(5)).withIdleness(Duration.ofMinutes(1)),
      "orders");
}

/** Each record as "key=value@partition/offset"; a record without key is skipped. */
static final class KeyedRecords implements KafkaRecordDeserializationSchema<String> {
  @Override
  public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<String> out) {
    if (record.key() != null) {
      out.collect(new String(record.key(), StandardCharsets.UTF_8) + "="
          + new String(record.value(), StandardCharsets.UTF_8) + "@" + record.partition() + "/" + record.offset());
    }
  }

  @Override
  public TypeInformation<String> getProducedType() {
    return Types.STRING;
  }
}

static DataStream<String> yesterday(StreamExecutionEnvironment env, String brokers, long from, long until) {
  KafkaSource<String> source = KafkaSource.<String>builder()
      .setBootstrapServers(brokers)
      .setTopicPattern(Pattern.compile("clicks-.*"))
      .setStartingOffsets(OffsetsInitializer.timestamp(from))
      .setBounded(OffsetsInitializer.timestamp(until)) // the job ends when every partition got there
      .setDeserializer(new KeyedRecords())
      .setProperty("isolation.level", "read_committed") // only committed transactions
      .build();
  return env.fromSource(source, WatermarkStrategy.noWatermarks(), "clicks of yesterday");
}
}
