package io.spate.connectors.kafka.source.enumerator;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * Which partitions a {@code KafkaSource} reads: every partition of named topics, of the topics whose
 * name matches a pattern, or a fixed set of partitions. Asked again at every partition discovery.
 */
public interface KafkaSubscriber extends Serializable {

  /** The partitions to read now. */
  Set<TopicPartition> getSubscribedTopicPartitions(BrokerAccess brokers);

  /** Every partition of {@code topics}; a topic that does not exist is an error. */
  static KafkaSubscriber getTopicListSubscriber(List<String> topics) {
    List<String> names = List.copyOf(topics);
    return (KafkaSubscriber & Serializable) brokers -> partitionsOf(brokers.describeTopics(names));
  }

  /** Every partition of every topic whose whole name matches {@code pattern}. */
  static KafkaSubscriber getTopicPatternSubscriber(Pattern pattern) {
    return (KafkaSubscriber & Serializable) brokers -> {
      List<String> matching = new ArrayList<>();
      for (String topic : new TreeSet<>(brokers.listTopics())) {
        if (pattern.matcher(topic).matches()) {
          matching.add(topic);
        }
      }
      return matching.isEmpty() ? Set.of() : partitionsOf(brokers.describeTopics(matching));
    };
  }

  /** Exactly {@code partitions}; a partition that does not exist is an error. */
  static KafkaSubscriber getPartitionSetSubscriber(Set<TopicPartition> partitions) {
    Set<TopicPartition> wanted = Set.copyOf(partitions);
    return (KafkaSubscriber & Serializable) brokers -> {
      Set<String> topics = new TreeSet<>();
      wanted.forEach(p -> topics.add(p.topic()));
      Set<TopicPartition> existing = partitionsOf(brokers.describeTopics(topics));
      Set<TopicPartition> missing = new TreeSet<>(java.util.Comparator.comparing(TopicPartition::toString));
      for (TopicPartition partition : wanted) {
        if (!existing.contains(partition)) {
          missing.add(partition);
        }
      }
      if (!missing.isEmpty()) {
        throw new IllegalStateException("Kafka source: partitions " + missing + " do not exist (the topics have "
            + existing.size() + " partitions in all)");
      }
      return wanted;
    };
  }

  private static Set<TopicPartition> partitionsOf(Map<String, TopicDescription> topics) {
    Set<TopicPartition> partitions = new HashSet<>();
    for (TopicDescription topic : topics.values()) {
      topic.partitions().forEach(p -> partitions.add(new TopicPartition(topic.name(), p.partition())));
    }
    return partitions;
  }
}
