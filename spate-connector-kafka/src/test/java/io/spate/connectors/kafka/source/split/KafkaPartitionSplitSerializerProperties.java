package io.spate.connectors.kafka.source.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import io.spate.connectors.kafka.source.enumerator.KafkaSourceEnumState;
import io.spate.connectors.kafka.source.enumerator.KafkaSourceEnumStateSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashSet;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Round trips of the Kafka source's split and enumerator-state serializers, and their errors. */
class KafkaPartitionSplitSerializerProperties {

  private static Gen<TopicPartition> partitions() {
    return strings().allPossible().ofLengthBetween(1, 30)
        .zip(integers().between(0, 10_000), TopicPartition::new);
  }

  private static Gen<KafkaPartitionSplit> splits() {
    Gen<Long> stops = longs().between(-1, Long.MAX_VALUE)
        .map(stop -> stop < 0 ? KafkaPartitionSplit.NO_STOPPING_OFFSET : stop);
    return partitions().zip(longs().between(0, Long.MAX_VALUE), stops, KafkaPartitionSplit::new);
  }

  private static <T> T roundTrip(io.spate.api.connector.source.SimpleVersionedSerializer<T> serializer, T value) {
    try {
      return serializer.deserialize(serializer.getVersion(), serializer.serialize(value));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void aSplitReadsBackEqualWithItsIdAndOffsets() {
    KafkaPartitionSplitSerializer serializer = new KafkaPartitionSplitSerializer();
    qt().forAll(splits()).checkAssert(split -> {
      KafkaPartitionSplit back = roundTrip(serializer, split);
      assertThat(back).isEqualTo(split);
      assertThat(back.splitId()).isEqualTo(split.getTopic() + "-" + split.getPartition());
      assertThat(back.getStoppingOffset()).isEqualTo(split.getStoppingOffset());
    });
  }

  @Test
  void anEnumeratorStateReadsBackEqual() {
    KafkaSourceEnumStateSerializer serializer = new KafkaSourceEnumStateSerializer();
    qt().forAll(lists().of(partitions()).ofSizeBetween(0, 8), lists().of(splits()).ofSizeBetween(0, 8), booleans().all())
        .checkAssert((assigned, pending, initialDone) -> {
          KafkaSourceEnumState state = new KafkaSourceEnumState(new HashSet<>(assigned), pending, initialDone);
          assertThat(roundTrip(serializer, state)).isEqualTo(state);
        });
  }

  @Test
  void truncatedOrForeignBytesAreRejectedNamingWhatWasRead() throws IOException {
    KafkaPartitionSplitSerializer serializer = new KafkaPartitionSplitSerializer();
    byte[] bytes = serializer.serialize(new KafkaPartitionSplit(new TopicPartition("t", 1), 5, 9));
    assertThatThrownBy(() -> serializer.deserialize(1, Arrays.copyOf(bytes, bytes.length - 3)))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(() -> serializer.deserialize(2, bytes))
        .hasMessageContaining("Kafka partition split").hasMessageContaining("version 2");
    byte[] negative = serializer.serialize(new KafkaPartitionSplit(new TopicPartition("t", 1), 5, 9));
    negative[negative.length - 8] = (byte) 0x80; // the stopping offset's sign bit: negative, not "no stop"
    assertThatThrownBy(() -> serializer.deserialize(1, negative))
        .hasMessageContaining("Corrupt Kafka partition split").hasMessageContaining("stopping offset");
  }

  @Test
  void splitsRejectNegativeOffsetsAndPartitions() {
    assertThatThrownBy(() -> new KafkaPartitionSplit(new TopicPartition("t", -1), 0))
        .hasMessageContaining("negative partition");
    assertThatThrownBy(() -> new KafkaPartitionSplit(new TopicPartition("t", 0), -2))
        .hasMessageContaining("t-0").hasMessageContaining("starting offset -2");
    assertThat(new KafkaPartitionSplit(new TopicPartition("t", 0), 7, 7).isEmpty()).isTrue();
  }
}
