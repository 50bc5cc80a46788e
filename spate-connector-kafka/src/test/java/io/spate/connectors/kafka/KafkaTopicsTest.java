package io.spate.connectors.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.connectors.kafka.testing.KafkaTestBroker;
import io.spate.connectors.kafka.testing.SharedKafkaTestBroker;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Waiting for the leaders of a topic just created, and the error when they never come. */
@ExtendWith(SharedKafkaTestBroker.class)
class KafkaTopicsTest {

  private static KafkaTestBroker broker;

  @BeforeAll
  static void useSharedBroker(KafkaTestBroker shared) {
    broker = shared;
  }

  @Test
  void returnsOnceEveryPartitionOfANewTopicHasALeader() throws Exception {
    broker.admin().createTopics(List.of(new NewTopic("topics-new", 4, (short) 1))).all().get(30, TimeUnit.SECONDS);

    KafkaTopics.awaitLeaders(broker.admin(), "topics-new", 4, Duration.ofSeconds(30));

    TopicDescription description = broker.admin().describeTopics(List.of("topics-new")).allTopicNames()
        .get(30, TimeUnit.SECONDS).get("topics-new");
    assertThat(description.partitions()).hasSize(4);
    for (TopicPartitionInfo partition : description.partitions()) {
      assertThat(partition.leader()).as("leader of partition " + partition.partition()).isNotNull();
    }
  }

  @Test
  void aTopicThatDoesNotExistFailsNamingItAfterTheTimeout() {
    assertThatThrownBy(() -> KafkaTopics.awaitLeaders(broker.admin(), "topics-missing", 2, Duration.ofSeconds(2)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'topics-missing'")
        .hasMessageContaining("no leader within 2 s");
  }
}
