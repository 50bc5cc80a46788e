package io.spate.api.datastream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.checkpoint.CheckpointConfig;
import io.spate.api.configuration.ConfigOption;
import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.IllegalConfigurationException;
import io.spate.api.configuration.ReadableConfig;
import io.spate.api.operators.SlotSharingGroup;
import io.spate.api.typeinfo.Types;
import io.spate.api.util.NumberSequenceIterator;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Slot sharing groups with resources, parallel collections, configure(ReadableConfig) and the changelog switch of the environment. */
class StreamExecutionEnvironmentRemainingMembersTest {

  private static final SlotSharingGroup SMALL =
      SlotSharingGroup.newBuilder("g").setCpuCores(1).setTaskHeapMemoryMB(64).build();
  private static final SlotSharingGroup LARGE =
      SlotSharingGroup.newBuilder("g").setCpuCores(2).setTaskHeapMemoryMB(128).build();

  @Test
  void operatorsAndSinksJoinTheGroupByName() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    SingleOutputStreamOperator<Long> mapped = env.fromSequence(1, 3).map(x -> x).slotSharingGroup(SMALL);
    DataStreamSink<Long> sink = mapped.sinkTo(new io.spate.api.connector.sink.lib.DiscardingSink<>())
        .slotSharingGroup(SlotSharingGroup.newBuilder("sinks").build());
    assertThat(mapped.getTransformation().getSlotSharingGroup()).isEqualTo("g");
    assertThat(sink.getTransformation().getSlotSharingGroup()).isEqualTo("sinks");
    assertThat(env.slotSharingGroup("g")).contains(SMALL);
    assertThat(env.slotSharingGroup("sinks")).as("a group without resources records nothing").isEmpty();
  }

  @Test
  void registeringReplacesAndConflictingDeclarationsAreAnError() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    assertThat(env.registerSlotSharingGroup(SMALL)).isSameAs(env);
    env.registerSlotSharingGroup(LARGE);
    assertThat(env.slotSharingGroup("g")).contains(LARGE);
    DataStream<Long> source = env.fromSequence(1, 3);
    source.map(x -> x).slotSharingGroup(LARGE);
    source.map(x -> x).slotSharingGroup(SlotSharingGroup.newBuilder("g").build());
    assertThatThrownBy(() -> source.map(x -> x).name("m").slotSharingGroup(SMALL))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'g'").hasMessageContaining("m").hasMessageContaining("two different resource specs");
    assertThatThrownBy(() -> source.sinkTo(new io.spate.api.connector.sink.lib.DiscardingSink<>()).slotSharingGroup(SMALL))
        .hasMessageContaining("sink");
  }

  @Test
  void fromParallelCollectionIsAParallelLegacySource() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(3);
    DataStreamSource<Long> numbers = env.fromParallelCollection(new NumberSequenceIterator(1, 10), Long.class);
    assertThat(numbers.getType()).isEqualTo(Types.LONG);
    assertThat(numbers.getTransformation().getName()).isEqualTo("Parallel Collection Source");
    assertThat(numbers.setParallelism(3).getParallelism()).isEqualTo(3);
    assertThatThrownBy(() -> env.fromParallelCollection(null, Types.LONG)).hasMessageContaining("iterator");
  }

  /** A ReadableConfig that is not a Configuration, as a user's own implementation would be. */
  private static ReadableConfig readOnly(Map<String, String> values) {
    Configuration backing = Configuration.fromMap(values);
    return new ReadableConfig() {
      @Override
      public <T> T get(ConfigOption<T> option) {
        return backing.get(option);
      }

      @Override
      public <T> Optional<T> getOptional(ConfigOption<T> option) {
        return backing.getOptional(option);
      }

      @Override
      public Map<String, String> toMap() {
        return backing.toMap();
      }
    };
  }

  @Test
  void configureTakesAnyReadableConfig() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.configure(readOnly(Map.of("execution.checkpointing.interval", "5 s", "restart-strategy.type", "none")));
    assertThat(env.getCheckpointConfig().getCheckpointInterval()).isEqualTo(5000L);
    ClassLoader loader = new ClassLoader(getClass().getClassLoader()) {};
    env.configure(readOnly(Map.of("execution.checkpointing.interval", "7 s")), loader);
    assertThat(env.getCheckpointConfig().getCheckpointInterval()).isEqualTo(7000L);
    env.fromSequence(1, 2).sinkTo(new io.spate.api.connector.sink.lib.DiscardingSink<>());
    assertThat(env.getStreamGraph("loader").userClassLoader()).isSameAs(loader);
    assertThatThrownBy(() -> env.configure(readOnly(Map.of("restart-strategy.type", "sometimes"))))
        .isInstanceOf(IllegalConfigurationException.class).hasMessageContaining("sometimes");

    CheckpointConfig checkpoints = StreamExecutionEnvironment.createLocalEnvironment(1).getCheckpointConfig();
    checkpoints.configure(readOnly(Map.of("execution.checkpointing.interval", "3 s")));
    assertThat(checkpoints.getCheckpointInterval()).isEqualTo(3000L);
  }

  @Test
  void theChangelogStateBackendCanOnlyBeLeftOff() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    assertThat(env.enableChangelogStateBackend(false)).isSameAs(env);
    assertThatThrownBy(() -> env.enableChangelogStateBackend(true))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("no changelog state backend");
  }
}
