package io.spate.runtime.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.runtime.e2e.E2eSupport.Landed;
import io.spate.runtime.e2e.E2eSupport.RecordingSink;
import io.spate.runtime.e2e.E2eSupport.Tagged;
import io.spate.runtime.e2e.E2eSupport.TaggedSource;
import io.spate.runtime.state.keygroup.KeyGroupAssignment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Where records land under each partitioner. Producers are identified by {@link TaggedSource}
 * (records carry the source subtask that read them), consumers by the {@link RecordingSink} writer
 * that received them.
 */
class PartitioningE2ETest {

  private static DataStream<Tagged> tagged(StreamExecutionEnvironment env, long count, int parallelism) {
    return env.fromSource(new TaggedSource(count), WatermarkStrategy.noWatermarks(), "tagged")
        .setParallelism(parallelism);
  }

  private static List<Long> indices(long count) {
    return LongStream.range(0, count).boxed().collect(Collectors.toList());
  }

  private static void assertEachRecordOnce(List<Landed<Tagged>> landed, long count) {
    assertThat(landed.stream().map(l -> l.value().index()).collect(Collectors.toList()))
        .containsExactlyInAnyOrderElementsOf(indices(count));
  }

  private static Map<Integer, Integer> countPerConsumer(List<Landed<Tagged>> landed) {
    Map<Integer, Integer> counts = new HashMap<>();
    for (Landed<Tagged> l : landed) {
      counts.merge(l.subtask(), 1, Integer::sum);
    }
    return counts;
  }

  @Test
  void forwardChainedKeepsEachRecordOnItsSubtask() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(3);
    RecordingSink<Tagged> sink = new RecordingSink<>();
    tagged(env, 3_000, 3).forward().sinkTo(sink).setParallelism(3);
    E2eSupport.run(env, "forward-chained");
    List<Landed<Tagged>> landed = sink.landed();
    assertEachRecordOnce(landed, 3_000);
    assertThat(landed).allSatisfy(l -> assertThat(l.subtask()).isEqualTo(l.value().subtask()));
  }

  @Test
  void forwardOverTheNetworkKeepsEachRecordOnItsSubtask() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(3);
    RecordingSink<Tagged> sink = new RecordingSink<>();
    tagged(env, 3_000, 3).forward().sinkTo(sink).setParallelism(3).disableChaining();
    E2eSupport.run(env, "forward-network");
    List<Landed<Tagged>> landed = sink.landed();
    assertEachRecordOnce(landed, 3_000);
    assertThat(landed).allSatisfy(l -> assertThat(l.subtask()).isEqualTo(l.value().subtask()));
  }

  @Test
  void rebalanceIsRoundRobinPerProducer() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    RecordingSink<Tagged> sink = new RecordingSink<>();
    tagged(env, 10_000, 2).rebalance().sinkTo(sink).setParallelism(3);
    E2eSupport.run(env, "rebalance");
    List<Landed<Tagged>> landed = sink.landed();
    assertEachRecordOnce(landed, 10_000);
    Map<Integer, Map<Integer, Integer>> perProducer = new HashMap<>();
    for (Landed<Tagged> l : landed) {
      perProducer.computeIfAbsent(l.value().subtask(), k -> new HashMap<>()).merge(l.subtask(), 1, Integer::sum);
    }
    perProducer.forEach((producer, counts) -> {
      int total = counts.values().stream().mapToInt(Integer::intValue).sum();
      if (total >= 3) {
        assertThat(counts.keySet()).as("consumers of producer %d", producer).containsExactlyInAnyOrder(0, 1, 2);
      }
      int min = counts.values().stream().mapToInt(Integer::intValue).min().orElse(0);
      int max = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
      assertThat(max - min).as("round robin spread of producer %d: %s", producer, counts).isLessThanOrEqualTo(1);
    });
  }

  @Test
  void rebalanceFromOneProducerSpreadsEvenly() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(4);
    RecordingSink<Long> sink = new RecordingSink<>();
    env.fromData(indices(1_001)).rebalance().sinkTo(sink);
    E2eSupport.run(env, "rebalance-one");
    Map<Integer, Integer> counts = new HashMap<>();
    for (Landed<Long> l : sink.landed()) {
      counts.merge(l.subtask(), 1, Integer::sum);
    }
    assertThat(sink.values()).containsExactlyInAnyOrderElementsOf(indices(1_001));
    assertThat(counts.keySet()).containsExactlyInAnyOrder(0, 1, 2, 3);
    assertThat(counts.values()).allSatisfy(c -> assertThat(c).isBetween(250, 251));
  }

  @Test
  void rescaleFromTwoToFourSendsEachProducerToItsOwnPair() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    RecordingSink<Tagged> sink = new RecordingSink<>();
    tagged(env, 8_000, 2).rescale().sinkTo(sink).setParallelism(4);
    E2eSupport.run(env, "rescale-up");
    List<Landed<Tagged>> landed = sink.landed();
    assertEachRecordOnce(landed, 8_000);
    Map<Integer, Map<Integer, Integer>> perProducer = new HashMap<>();
    for (Landed<Tagged> l : landed) {
      int producer = l.value().subtask();
      assertThat(l.subtask()).as("consumer of a record of producer %d", producer).isIn(2 * producer, 2 * producer + 1);
      perProducer.computeIfAbsent(producer, k -> new HashMap<>()).merge(l.subtask(), 1, Integer::sum);
    }
    perProducer.forEach((producer, counts) -> {
      int min = counts.values().stream().mapToInt(Integer::intValue).min().orElse(0);
      int max = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
      if (counts.values().stream().mapToInt(Integer::intValue).sum() >= 2) {
        assertThat(counts).hasSize(2);
      }
      assertThat(max - min).as("spread of producer %d: %s", producer, counts).isLessThanOrEqualTo(1);
    });
  }

  @Test
  void rescaleFromFourToTwoSendsPairsOfProducersToOneConsumer() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(4);
    RecordingSink<Tagged> sink = new RecordingSink<>();
    tagged(env, 8_000, 4).rescale().sinkTo(sink).setParallelism(2);
    E2eSupport.run(env, "rescale-down");
    List<Landed<Tagged>> landed = sink.landed();
    assertEachRecordOnce(landed, 8_000);
    assertThat(landed).allSatisfy(l -> assertThat(l.subtask()).isEqualTo(l.value().subtask() / 2));
  }

  @Test
  void shuffleDeliversEveryRecordOnceToSomeSubtask() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(3);
    RecordingSink<Tagged> sink = new RecordingSink<>();
    tagged(env, 6_000, 2).shuffle().sinkTo(sink).setParallelism(3);
    E2eSupport.run(env, "shuffle");
    List<Landed<Tagged>> landed = sink.landed();
    assertEachRecordOnce(landed, 6_000);
    // uniformly random: with 6000 records every consumer gets some (the chance of one getting none is ~1e-1000)
    assertThat(countPerConsumer(landed).keySet()).containsExactlyInAnyOrder(0, 1, 2);
  }

  @Test
  void broadcastSendsEveryRecordToEverySubtask() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(3);
    RecordingSink<Tagged> sink = new RecordingSink<>();
    tagged(env, 2_000, 2).broadcast().sinkTo(sink).setParallelism(3);
    E2eSupport.run(env, "broadcast");
    List<Landed<Tagged>> landed = sink.landed();
    assertThat(landed).hasSize(3 * 2_000);
    for (int consumer = 0; consumer < 3; consumer++) {
      int c = consumer;
      List<Long> got = landed.stream().filter(l -> l.subtask() == c).map(l -> l.value().index()).collect(Collectors.toList());
      assertThat(got).as("records of consumer %d", consumer).containsExactlyInAnyOrderElementsOf(indices(2_000));
    }
  }

  @Test
  void globalSendsEverythingToSubtaskZero() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(3);
    RecordingSink<Tagged> sink = new RecordingSink<>();
    tagged(env, 3_000, 3).global().sinkTo(sink).setParallelism(4);
    E2eSupport.run(env, "global");
    List<Landed<Tagged>> landed = sink.landed();
    assertEachRecordOnce(landed, 3_000);
    assertThat(landed).allSatisfy(l -> assertThat(l.subtask()).isZero());
    assertThat(sink.openedSubtasks()).containsExactlyInAnyOrder(0, 1, 2, 3);
  }

  @Test
  void partitionCustomUsesThePartitioner() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    RecordingSink<Tagged> sink = new RecordingSink<>();
    tagged(env, 5_000, 2)
        .partitionCustom((Long key, int n) -> (int) (key % n), t -> t.index())
        .sinkTo(sink).setParallelism(3);
    E2eSupport.run(env, "custom");
    List<Landed<Tagged>> landed = sink.landed();
    assertEachRecordOnce(landed, 5_000);
    assertThat(landed).allSatisfy(l -> assertThat(l.subtask()).isEqualTo((int) (l.value().index() % 3)));
  }

  @Test
  void keyBySendsEqualKeysToTheSubtaskOwningTheirKeyGroup() throws Exception {
    int parallelism = 3;
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    RecordingSink<Tagged> sink = new RecordingSink<>();
    tagged(env, 9_000, 2).keyBy(t -> "key-" + (t.index() % 97)).sinkTo(sink).setParallelism(parallelism);
    E2eSupport.run(env, "key-by");
    List<Landed<Tagged>> landed = sink.landed();
    assertEachRecordOnce(landed, 9_000);
    Map<String, Set<Integer>> subtasksOfKey = new HashMap<>();
    for (Landed<Tagged> l : landed) {
      subtasksOfKey.computeIfAbsent("key-" + (l.value().index() % 97), k -> new HashSet<>()).add(l.subtask());
    }
    assertThat(subtasksOfKey).hasSize(97);
    List<String> misplaced = new ArrayList<>();
    subtasksOfKey.forEach((key, subtasks) -> {
      int keyGroup = KeyGroupAssignment.keyGroupForHash(key.hashCode(), 128);
      int owner = KeyGroupAssignment.subtaskForKeyGroup(keyGroup, 128, parallelism);
      if (!subtasks.equals(Set.of(owner))) {
        misplaced.add(key + " at " + subtasks + ", expected " + owner);
      }
    });
    assertThat(misplaced).isEmpty();
    // and the keys spread over all subtasks
    assertThat(countPerConsumer(landed).keySet()).containsExactlyInAnyOrder(0, 1, 2);
  }

  @Test
  void keyByHonoursTheMaxParallelismOfTheKeyedOperator() throws Exception {
    int parallelism = 3;
    int maxParallelism = 7;
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.setMaxParallelism(maxParallelism);
    RecordingSink<Long> sink = new RecordingSink<>();
    env.fromSequence(0, 999).keyBy(x -> x % 50).reduce((a, b) -> b).setParallelism(parallelism).sinkTo(sink)
        .setParallelism(parallelism);
    E2eSupport.run(env, "key-by-max-parallelism");
    for (Landed<Long> l : sink.landed()) {
      long key = l.value() % 50;
      int owner = KeyGroupAssignment.subtaskForKeyGroup(
          KeyGroupAssignment.keyGroupForHash(Long.hashCode(key), maxParallelism), maxParallelism, parallelism);
      assertThat(l.subtask()).as("subtask of key %d", key).isEqualTo(owner);
    }
    assertThat(sink.landed()).hasSize(1_000);
  }
}
