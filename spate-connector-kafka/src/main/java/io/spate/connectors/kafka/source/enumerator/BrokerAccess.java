package io.spate.connectors.kafka.source.enumerator;

import io.spate.connectors.kafka.source.enumerator.initializer.OffsetsInitializer;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * The enumerator's blocking questions to the brokers (topics, partitions, offsets) through one
 * admin client, each bounded by {@code default.api.timeout.ms} and failing with a message that names
 * the bootstrap servers and what was asked. Used only off the coordinator thread.
 */
public final class BrokerAccess implements OffsetsInitializer.PartitionOffsetsRetriever, AutoCloseable {

  private static final long DEFAULT_API_TIMEOUT_MS = 60_000;

  private final Properties adminProperties;
  private final String bootstrapServers;
  private final String groupId;
  private final long timeoutMs;
  private final IsolationLevel isolationLevel;
  private Admin admin;

  /** Access with the admin settings among the source's {@code properties}. */
  public BrokerAccess(Properties properties) {
    this.adminProperties = new Properties();
    Set<String> adminNames = AdminClientConfig.configNames();
    for (String name : properties.stringPropertyNames()) {
      if (adminNames.contains(name)) {
        adminProperties.setProperty(name, properties.getProperty(name));
      }
    }
    this.bootstrapServers = properties.getProperty(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG);
    this.groupId = properties.getProperty(ConsumerConfig.GROUP_ID_CONFIG);
    String timeout = properties.getProperty(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG);
    this.timeoutMs = timeout == null ? DEFAULT_API_TIMEOUT_MS : Long.parseLong(timeout.trim());
    if (timeout != null && !adminProperties.containsKey(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG)) {
      // The admin client rejects an API timeout below the request timeout (30 s by default): a user who
      // shortens the first means both.
      adminProperties.setProperty(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
          Long.toString(Math.min(timeoutMs, 30_000)));
    }
    String isolation = properties.getProperty(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
    this.isolationLevel = IsolationLevel.valueOf(isolation.trim().toUpperCase(java.util.Locale.ROOT));
  }

  private synchronized Admin admin() {
    if (admin == null) {
      try {
        admin = Admin.create(adminProperties);
      } catch (KafkaException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        throw new IllegalStateException("Kafka source: cannot create a Kafka admin client for the brokers at "
            + bootstrapServers + ": " + cause.getMessage(), e);
      }
    }
    return admin;
  }

  /** The names of every topic of the cluster (internal ones left out). */
  public Set<String> listTopics() {
    return await(admin().listTopics().names(), "listing the topics");
  }

  /** The descriptions of {@code topics}; a topic that does not exist is an error naming it. */
  public Map<String, TopicDescription> describeTopics(Collection<String> topics) {
    return await(admin().describeTopics(topics).allTopicNames(), "describing topics " + topics);
  }

  @Override
  public Map<TopicPartition, Long> committedOffsets(Collection<TopicPartition> partitions) {
    if (groupId == null) {
      throw new IllegalStateException("Kafka source: committed offsets were asked for, but no group id is set; "
          + "call setGroupId(...) on the KafkaSourceBuilder");
    }
    Map<TopicPartition, OffsetAndMetadata> committed = await(
        admin().listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata(),
        "reading the committed offsets of consumer group '" + groupId + "'");
    Map<TopicPartition, Long> offsets = new HashMap<>();
    for (TopicPartition partition : partitions) {
      OffsetAndMetadata offset = committed.get(partition);
      if (offset != null) {
        offsets.put(partition, offset.offset());
      }
    }
    return offsets;
  }

  @Override
  public Map<TopicPartition, Long> endOffsets(Collection<TopicPartition> partitions) {
    return listOffsets(partitions, OffsetSpec.latest(), "the end offsets");
  }

  @Override
  public Map<TopicPartition, Long> beginningOffsets(Collection<TopicPartition> partitions) {
    return listOffsets(partitions, OffsetSpec.earliest(), "the earliest offsets");
  }

  @Override
  public Map<TopicPartition, OffsetAndTimestamp> offsetsForTimes(Map<TopicPartition, Long> timestampsToSearch) {
    Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
    timestampsToSearch.forEach((partition, ts) -> specs.put(partition, OffsetSpec.forTimestamp(ts)));
    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> found = await(
        admin().listOffsets(specs, new ListOffsetsOptions(isolationLevel)).all(),
        "finding the offsets at timestamps " + timestampsToSearch);
    Map<TopicPartition, OffsetAndTimestamp> result = new HashMap<>();
    for (TopicPartition partition : timestampsToSearch.keySet()) {
      ListOffsetsResult.ListOffsetsResultInfo info = found.get(partition);
      // The brokers answer -1 for a partition without a record at or after the timestamp.
      result.put(partition, info == null || info.offset() < 0 ? null : new OffsetAndTimestamp(info.offset(), info.timestamp()));
    }
    return result;
  }

  private Map<TopicPartition, Long> listOffsets(Collection<TopicPartition> partitions, OffsetSpec spec, String what) {
    if (partitions.isEmpty()) {
      return Map.of();
    }
    Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
    for (TopicPartition partition : partitions) {
      specs.put(partition, spec);
    }
    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> found = await(
        admin().listOffsets(specs, new ListOffsetsOptions(isolationLevel)).all(),
        "reading " + what + " of " + List.copyOf(partitions));
    Map<TopicPartition, Long> offsets = new HashMap<>();
    found.forEach((partition, info) -> offsets.put(partition, info.offset()));
    return offsets;
  }

  private <T> T await(KafkaFuture<T> future, String what) {
    try {
      // A little longer than the client's own deadline, so that its more precise error comes first.
      return future.get(timeoutMs + 1_000, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw unreachable(what, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Kafka source: interrupted while " + what, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof org.apache.kafka.common.errors.TimeoutException) {
        throw unreachable(what, cause);
      }
      if (cause instanceof UnknownTopicOrPartitionException) {
        throw new IllegalStateException("Kafka source: " + what + " failed: a topic does not exist on the brokers at "
            + bootstrapServers + " (" + cause.getMessage() + "); a source does not create topics", cause);
      }
      throw new IllegalStateException(
          "Kafka source: " + what + " failed at the brokers " + bootstrapServers + ": " + cause, cause);
    }
  }

  private IllegalStateException unreachable(String what, Throwable cause) {
    return new IllegalStateException("Kafka source: no answer from the brokers at " + bootstrapServers + " within "
        + timeoutMs + " ms (" + ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG + ") while " + what
        + "; check that bootstrap.servers is right and the brokers are up", cause);
  }

  @Override
  public synchronized void close() {
    if (admin != null) {
      admin.close(Duration.ofSeconds(5));
      admin = null;
    }
  }
}
