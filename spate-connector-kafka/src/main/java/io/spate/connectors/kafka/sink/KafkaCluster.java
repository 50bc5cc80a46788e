package io.spate.connectors.kafka.sink;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ListTransactionsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.errors.UnsupportedVersionException;

/**
 * What the sink asks the brokers through an admin client: topics and their partitions, broker
 * settings, and the transactions of the sink's prefix. Every call waits at most {@link #TIMEOUT};
 * errors name what was asked and of which servers.
 */
final class KafkaCluster implements AutoCloseable {

  static final Duration TIMEOUT = Duration.ofSeconds(30);
  static final Duration UNKNOWN_TOPIC_GRACE = Duration.ofSeconds(3);

  private final Admin admin;
  private final String servers;
  private final Map<String, int[]> partitions = new HashMap<>();
  private Config brokerConfig;

  KafkaCluster(Properties producerConfig) {
    Properties props = new Properties();
    for (String name : AdminClientConfig.configNames()) {
      if (producerConfig.containsKey(name)) {
        props.put(name, producerConfig.get(name));
      }
    }
    props.put(AdminClientConfig.CLIENT_ID_CONFIG, producerConfig.getProperty("client.id", "spate-kafka-sink") + "-admin");
    this.servers = String.valueOf(producerConfig.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG));
    this.admin = Admin.create(props);
  }

  /** The partition ids of {@code topic}, ascending, asked once per topic. */
  int[] partitionsFor(String topic) {
    int[] known = partitions.get(topic);
    if (known != null) {
      return known;
    }
    TopicDescription description = describeTopic(topic);
    int[] ids = description.partitions().stream().mapToInt(p -> p.partition()).sorted().toArray();
    partitions.put(topic, ids);
    return ids;
  }

  /**
   * The description of {@code topic}. A topic created a moment ago may not be known to every broker
   * yet, so "unknown" is asked again for {@link #UNKNOWN_TOPIC_GRACE} before it fails the job.
   */
  private TopicDescription describeTopic(String topic) {
    long deadline = System.nanoTime() + UNKNOWN_TOPIC_GRACE.toNanos();
    while (true) {
      try {
        return get(admin.describeTopics(List.of(topic)).allTopicNames(), "describe topic '" + topic + "'").get(topic);
      } catch (KafkaSinkException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
          throw e;
        }
        if (System.nanoTime() > deadline) {
          String autoCreate = brokerSetting("auto.create.topics.enable");
          throw new KafkaSinkException("KafkaSink: topic '" + topic + "' does not exist on the brokers " + servers
              + (Boolean.parseBoolean(autoCreate)
                  ? ""
                  : ", which do not create topics when they are written to (auto.create.topics.enable="
                      + autoCreate + ")")
              + ": create the topic before the job writes to it", null);
        }
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
      }
    }
  }

  /** The value of broker setting {@code name} on one of the brokers. */
  String brokerSetting(String name) {
    if (brokerConfig == null) {
      Collection<Node> nodes = get(admin.describeCluster().nodes(), "describe the cluster");
      if (nodes.isEmpty()) {
        throw new KafkaSinkException("KafkaSink: the cluster at " + servers + " reports no brokers", null);
      }
      ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER, String.valueOf(nodes.iterator().next().id()));
      brokerConfig = get(admin.describeConfigs(List.of(broker)).all(), "describe the settings of broker " + broker.name())
          .get(broker);
    }
    ConfigEntry entry = brokerConfig.get(name);
    return entry == null ? null : entry.value();
  }

  /** Every transaction of the brokers whose id matches {@code pattern}, in {@code states} (all if empty). */
  Collection<TransactionListing> transactions(String pattern, Collection<TransactionState> states) {
    ListTransactionsOptions options = new ListTransactionsOptions().filterOnTransactionalIdPattern(pattern);
    if (!states.isEmpty()) {
      options.filterStates(states);
    }
    try {
      return get(admin.listTransactions(options).all(), "list the transactions matching " + pattern);
    } catch (KafkaSinkException e) {
      if (!(e.getCause() instanceof UnsupportedVersionException)) {
        throw e;
      }
      // Older brokers cannot filter by id (KIP-1152): list them all; callers keep only the sink's ids anyway.
      ListTransactionsOptions unfiltered = new ListTransactionsOptions();
      if (!states.isEmpty()) {
        unfiltered.filterStates(states);
      }
      return get(admin.listTransactions(unfiltered).all(), "list the transactions");
    }
  }

  /** What the brokers know of transaction {@code transactionalId}. */
  TransactionDescription describeTransaction(String transactionalId) {
    return get(admin.describeTransactions(List.of(transactionalId)).description(transactionalId),
        "describe transaction " + transactionalId);
  }

  private <T> T get(org.apache.kafka.common.KafkaFuture<T> future, String what) {
    try {
      return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaSinkException("KafkaSink: interrupted while waiting to " + what + " at " + servers, e);
    } catch (ExecutionException e) {
      throw new KafkaSinkException("KafkaSink: could not " + what + " at " + servers + ": " + e.getCause().getMessage(),
          e.getCause());
    } catch (TimeoutException e) {
      throw new KafkaSinkException("KafkaSink: no answer in " + TIMEOUT.toSeconds() + " s when trying to " + what
          + " at " + servers, e);
    }
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(5));
  }

  @Override
  public String toString() {
    return "Kafka cluster " + servers + " (topics seen: " + Arrays.toString(partitions.keySet().toArray()) + ")";
  }
}
