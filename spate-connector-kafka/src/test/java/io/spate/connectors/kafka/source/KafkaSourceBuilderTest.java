package io.spate.connectors.kafka.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.connector.source.Boundedness;
import io.spate.api.serialization.schema.SimpleStringSchema;
import io.spate.connectors.kafka.source.enumerator.initializer.OffsetsInitializer;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** The builder's checks: each missing or contradicting setting fails {@code build()} naming it. */
@SuppressWarnings("deprecation") // OffsetResetStrategy, the client's public reset type
class KafkaSourceBuilderTest {

  private static KafkaSourceBuilder<String> complete() {
    return KafkaSource.<String>builder()
        .setBootstrapServers("127.0.0.1:9092")
        .setTopics("orders")
        .setValueOnlyDeserializer(new SimpleStringSchema());
  }

  @Test
  void aCompleteSourceIsUnboundedAndReadsBytes() {
    KafkaSource<String> source = complete().build();
    assertThat(source.getBoundedness()).isEqualTo(Boundedness.CONTINUOUS_UNBOUNDED);
    assertThat(source.getConfiguration())
        .containsEntry("enable.auto.commit", "false")
        .containsEntry("value.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer");
    assertThat(source.discoveryIntervalMillis()).isEqualTo(300_000L);
    assertThat(source.commitsOffsetsOnCheckpoint()).isFalse();
    assertThat(complete().setGroupId("g").build().commitsOffsetsOnCheckpoint()).isTrue();
  }

  @Test
  void boundedSourcesDoNotDiscoverPartitions() {
    KafkaSource<String> source = complete().setProperty("partition.discovery.interval.ms", "1000")
        .setBounded(OffsetsInitializer.latest()).build();
    assertThat(source.getBoundedness()).isEqualTo(Boundedness.BOUNDED);
    assertThat(source.discoveryIntervalMillis()).isNegative();
    assertThat(complete().setUnbounded(OffsetsInitializer.latest()).build().getBoundedness())
        .isEqualTo(Boundedness.CONTINUOUS_UNBOUNDED);
  }

  @Test
  void missingSettingsAreNamed() {
    assertThatThrownBy(() -> KafkaSource.<String>builder().setTopics("t")
        .setValueOnlyDeserializer(new SimpleStringSchema()).build())
        .hasMessageContaining("no bootstrap servers");
    assertThatThrownBy(() -> KafkaSource.<String>builder().setBootstrapServers("h:1")
        .setValueOnlyDeserializer(new SimpleStringSchema()).build())
        .hasMessageContaining("nothing to read").hasMessageContaining("setTopics");
    assertThatThrownBy(() -> KafkaSource.<String>builder().setBootstrapServers("h:1").setTopics("t").build())
        .hasMessageContaining("no deserializer");
  }

  @Test
  void twoKindsOfSubscriptionConflict() {
    assertThatThrownBy(() -> complete().setTopicPattern(Pattern.compile("orders-.*")))
        .hasMessageContaining("setTopicPattern(orders-.*) conflicts with the earlier setTopics([orders])");
    assertThatThrownBy(() -> complete().setPartitions(Set.of(new TopicPartition("orders", 0))))
        .hasMessageContaining("conflicts");
    assertThatThrownBy(() -> KafkaSource.builder().setTopics()).hasMessageContaining("no topic");
    assertThatThrownBy(() -> KafkaSource.builder().setTopics("a", " ")).hasMessageContaining("blank topic");
  }

  @Test
  void committedOffsetsAndCommitsNeedAGroup() {
    assertThatThrownBy(() -> complete().setStartingOffsets(OffsetsInitializer.committedOffsets()).build())
        .hasMessageContaining("starting offsets are the group's committed offsets").hasMessageContaining("setGroupId");
    assertThatThrownBy(() -> complete().setBounded(OffsetsInitializer.committedOffsets()).build())
        .hasMessageContaining("stopping offsets");
    assertThatThrownBy(() -> complete().setStartingOffsets(new OwnCommittedOffsets()).build())
        .hasMessageContaining("starting offsets are the group's committed offsets");
    assertThat(complete().setStartingOffsets(OffsetsInitializer.offsets(java.util.Map.of(), OffsetResetStrategy.NONE))
        .build()).isNotNull();
    assertThatThrownBy(() -> complete().setProperty("commit.offsets.on.checkpoint", "true").build())
        .hasMessageContaining("commit.offsets.on.checkpoint").hasMessageContaining("setGroupId");
    assertThatThrownBy(() -> complete().setGroupId("g").setProperty("commit.offsets.on.checkpoint", "yes").build())
        .hasMessageContaining("must be true or false, not 'yes'");
    assertThat(complete().setGroupId("g").setProperty("commit.offsets.on.checkpoint", "false").build()
        .commitsOffsetsOnCheckpoint()).isFalse();
  }

  @Test
  void malformedNumbersAndIsolationLevelsAreNamed() {
    assertThatThrownBy(() -> complete().setProperty("partition.discovery.interval.ms", "5s").build())
        .hasMessageContaining("'partition.discovery.interval.ms' must be a whole number of milliseconds, not '5s'");
    assertThatThrownBy(() -> complete().setProperty("isolation.level", "committed").build())
        .hasMessageContaining("read_committed or read_uncommitted, not 'committed'");
    assertThatThrownBy(() -> complete().setProperty("group.id", null)).hasMessageContaining("'group.id'");
    assertThatThrownBy(() -> OffsetsInitializer.timestamp(-1)).hasMessageContaining("-1");
    assertThatThrownBy(() -> OffsetsInitializer.offsets(java.util.Map.of(new TopicPartition("t", 0), -5L)))
        .hasMessageContaining("partition t-0 has offset -5");
  }

  @Test
  void eachSubtaskGetsItsOwnClientIdAndOwnersAreDeterministic() {
    int[] owners = new int[3];
    for (int p = 0; p < 6; p++) {
      int owner = io.spate.connectors.kafka.source.enumerator.KafkaSourceEnumerator.ownerOf(new TopicPartition("t", p), 3);
      assertThat(owner).isEqualTo(io.spate.connectors.kafka.source.enumerator.KafkaSourceEnumerator.ownerOf(
          new TopicPartition("t", p), 3));
      owners[owner]++;
    }
    assertThat(owners).containsExactly(2, 2, 2);
  }

  /** An initializer of the user's own that starts one past the committed offsets. */
  @SuppressWarnings("deprecation")
  static final class OwnCommittedOffsets implements OffsetsInitializer {
    private static final long serialVersionUID = 1L;

    @Override
    public java.util.Map<TopicPartition, Long> getPartitionOffsets(
        java.util.Collection<TopicPartition> partitions, PartitionOffsetsRetriever retriever) {
      java.util.Map<TopicPartition, Long> offsets = new java.util.HashMap<>(retriever.committedOffsets(partitions));
      offsets.replaceAll((partition, offset) -> offset + 1);
      return offsets;
    }

    @Override
    public OffsetResetStrategy getAutoOffsetResetStrategy() {
      return OffsetResetStrategy.NONE;
    }
  }
}
