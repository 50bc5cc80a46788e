package io.spate.connectors.kafka.testing;

import io.spate.connectors.kafka.KafkaTopics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real single-node Kafka cluster (KRaft, broker and controller combined) running inside the test
 * JVM on a loopback port, with the small helpers tests need: topics, producing and reading back.
 *
 * <p>Starting one takes a few seconds, so a test class shares one through a static field and gives
 * each test its own topics. Transactions work: the internal topics are sized for one broker.
 */
public final class KafkaTestBroker implements AutoCloseable {

  /**
   * The settings of a one-node test broker (here and in {@link KafkaBrokerMain}): internal topics sized
   * for one node, so that transactions work; no topic auto-creation, so that a missing topic is an error;
   * and no retention by time, because tests write records stamped in 1970 (small event times), which
   * the default 7 days would delete within seconds, leaving a read silently short of records.
   */
  static final Map<String, String> SINGLE_NODE_SETTINGS = Map.of(
      "offsets.topic.replication.factor", "1",
      "offsets.topic.num.partitions", "1",
      "transaction.state.log.replication.factor", "1",
      "transaction.state.log.min.isr", "1",
      "transaction.state.log.num.partitions", "1",
      "group.initial.rebalance.delay.ms", "0",
      "auto.create.topics.enable", "false",
      "log.retention.ms", "-1");

  private final KafkaClusterTestKit cluster;
  private final Admin admin;

  private KafkaTestBroker(KafkaClusterTestKit cluster) {
    this.cluster = cluster;
    this.admin = cluster.admin();
  }

  /** Formats and starts a broker with auto-creation of topics off, so that a missing topic is an error. */
  public static KafkaTestBroker start() {
    return start(Map.of());
  }

  /** Starts a broker with extra broker settings (for example {@code transaction.max.timeout.ms}). */
  public static KafkaTestBroker start(Map<String, Object> brokerSettings) {
    try {
      KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
          .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build());
      SINGLE_NODE_SETTINGS.forEach(builder::setConfigProp);
      brokerSettings.forEach(builder::setConfigProp);
      KafkaClusterTestKit cluster = builder.build();
      cluster.format();
      cluster.startup();
      cluster.waitForReadyBrokers();
      return new KafkaTestBroker(cluster);
    } catch (Exception e) {
      throw new IllegalStateException("Could not start the test Kafka broker: " + e, e);
    }
  }

  /** The {@code host:port} list clients connect to. */
  public String bootstrapServers() {
    return cluster.bootstrapServers();
  }

  /** An admin client of this broker, closed with it. */
  public Admin admin() {
    return admin;
  }

  /** Creates a topic with {@code partitions} partitions and waits until it exists. */
  public void createTopic(String topic, int partitions) {
    try {
      admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
      KafkaTopics.awaitLeaders(admin, topic, partitions, Duration.ofSeconds(30));
    } catch (Exception e) {
      throw new IllegalStateException("Could not create topic " + topic + ": " + e, e);
    }
  }

  /** Grows a topic to {@code totalPartitions} partitions. */
  public void addPartitions(String topic, int totalPartitions) {
    try {
      admin.createPartitions(Map.of(topic, NewPartitions.increaseTo(totalPartitions))).all().get(30, TimeUnit.SECONDS);
      KafkaTopics.awaitLeaders(admin, topic, totalPartitions, Duration.ofSeconds(30));
    } catch (Exception e) {
      throw new IllegalStateException("Could not grow topic " + topic + ": " + e, e);
    }
  }

  /** A producer of raw bytes, acknowledged by all replicas; the caller closes it. */
  public KafkaProducer<byte[], byte[]> producer() {
    return producer(bootstrapServers());
  }

  /** Like {@link #producer()}, for the brokers at {@code bootstrapServers}. */
  public static KafkaProducer<byte[], byte[]> producer(String bootstrapServers) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    return new KafkaProducer<>(props);
  }

  /**
   * A daemon thread, not yet started, that writes the numbers 0 to {@code records - 1} (as decimal text, without
   * key) into {@code topic}, each to the partition {@code partitionOf} gives, {@code chunk} at a time
   * every 100 ms. {@code written} counts the acknowledged ones; a failure ends the thread into {@code
   * failure}. The producer's own retries carry it over a broker's short absence.
   */
  public static Thread sequenceWriter(String bootstrapServers, String topic, int records, int chunk,
      java.util.function.LongToIntFunction partitionOf, java.util.concurrent.atomic.AtomicInteger written,
      java.util.concurrent.atomic.AtomicReference<Throwable> failure) {
    Thread thread = new Thread(() -> {
      try (KafkaProducer<byte[], byte[]> producer = producer(bootstrapServers)) {
        for (int start = 0; start < records; start += chunk) {
          for (int value = start; value < Math.min(records, start + chunk); value++) {
            producer.send(new ProducerRecord<>(topic, partitionOf.applyAsInt(value), null,
                Integer.toString(value).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
          }
          producer.flush();
          written.set(Math.min(records, start + chunk));
          java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
      } catch (Throwable e) {
        failure.set(e);
      }
    }, "test-kafka-sequence-writer");
    thread.setDaemon(true);
    return thread;
  }

  /** Writes {@code records} and waits until every one is acknowledged. */
  public void produce(Collection<ProducerRecord<byte[], byte[]>> records) {
    try (KafkaProducer<byte[], byte[]> producer = producer()) {
      for (ProducerRecord<byte[], byte[]> record : records) {
        producer.send(record);
      }
      producer.flush();
    }
  }

  /**
   * Reads every record of {@code topic} from the beginning, in each partition's order, with the
   * given isolation level ({@code read_committed} or {@code read_uncommitted}), until the end
   * offsets as of the call.
   */
  public List<ConsumerRecord<byte[], byte[]>> readAll(String topic, String isolationLevel) {
    return readAll(bootstrapServers(), topic, isolationLevel);
  }

  /**
   * Every committed record of {@code topic} once no transaction is open on it any more: a commit
   * returns before the broker writes its markers into the partitions, and until then a read_committed
   * consumer does not see the committed records. For reading a topic after its writers ended; waits at
   * most 30 s for the markers, then reads what is visible.
   */
  public List<ConsumerRecord<byte[], byte[]>> readAllCommitted(String topic) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    Properties committed = new Properties();
    committed.putAll(props);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
    committed.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    try (KafkaConsumer<byte[], byte[]> all = new KafkaConsumer<>(props);
        KafkaConsumer<byte[], byte[]> stable = new KafkaConsumer<>(committed)) {
      List<TopicPartition> partitions = all.partitionsFor(topic, Duration.ofSeconds(30)).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      Map<TopicPartition, Long> highWatermarks = all.endOffsets(partitions, Duration.ofSeconds(30));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!stable.endOffsets(partitions, Duration.ofSeconds(30)).equals(highWatermarks)
          && System.nanoTime() < deadline) {
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    return readAll(topic, "read_committed");
  }

  /** Like {@link #readAll(String, String)}, from the brokers at {@code bootstrapServers}. */
  public static List<ConsumerRecord<byte[], byte[]>> readAll(String bootstrapServers, String topic,
      String isolationLevel) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolationLevel);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
      List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (partitions.stream().anyMatch(p -> consumer.position(p, Duration.ofSeconds(30)) < end.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("Could not read " + topic + " up to its end offsets " + end + " in 60 s");
        }
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          out.add(record);
        }
      }
      return out;
    }
  }

  @Override
  public void close() throws Exception {
    admin.close(Duration.ofSeconds(10));
    cluster.close();
  }
}
