package io.spate.connectors.kafka.source.enumerator;

import io.spate.api.connector.source.SplitEnumerator;
import io.spate.api.connector.source.SplitEnumeratorContext;
import io.spate.connectors.kafka.source.enumerator.initializer.OffsetsInitializer;
import io.spate.connectors.kafka.source.split.KafkaPartitionSplit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * Finds the partitions of a {@code KafkaSource} (once, or every discovery interval), decides their
 * starting and stopping offsets off the coordinator thread, and gives each partition to the reader
 * that {@link #ownerOf} names, so that a restored job hands the same partitions to the same
 * subtasks. Partitions found after the first discovery start at their earliest offset: they are
 * new, and all of their records are new.
 */
public final class KafkaSourceEnumerator implements SplitEnumerator<KafkaPartitionSplit, KafkaSourceEnumState> {

  private final KafkaSubscriber subscriber;
  private final OffsetsInitializer startingOffsets;
  private final OffsetsInitializer stoppingOffsets;
  private final long discoveryIntervalMillis;
  private final SplitEnumeratorContext<KafkaPartitionSplit> context;
  private final BrokerAccess brokers;

  // Coordinator thread only.
  private final Set<TopicPartition> assigned = new HashSet<>();
  private final List<KafkaPartitionSplit> pending = new ArrayList<>();
  private final Set<Integer> toldNoMoreSplits = new HashSet<>();
  private boolean initialDiscoveryFinished;

  // Discovery thread only (callAsync runs one discovery at a time, on one worker thread).
  private final Set<TopicPartition> knownToDiscovery = new HashSet<>();
  private boolean nextDiscoveryIsInitial;

  /**
   * An enumerator of {@code subscriber}'s partitions, continuing from {@code state}; {@code
   * stoppingOffsets} is null for a source without end, and a {@code discoveryIntervalMillis} of zero
   * or less means one discovery only.
   */
  public KafkaSourceEnumerator(
      KafkaSubscriber subscriber,
      OffsetsInitializer startingOffsets,
      OffsetsInitializer stoppingOffsets,
      long discoveryIntervalMillis,
      BrokerAccess brokers,
      SplitEnumeratorContext<KafkaPartitionSplit> context,
      KafkaSourceEnumState state) {
    this.subscriber = subscriber;
    this.startingOffsets = startingOffsets;
    this.stoppingOffsets = stoppingOffsets;
    this.discoveryIntervalMillis = discoveryIntervalMillis;
    this.brokers = brokers;
    this.context = context;
    assigned.addAll(state.assignedPartitions());
    pending.addAll(state.pendingSplits());
    initialDiscoveryFinished = state.initialDiscoveryFinished();
    knownToDiscovery.addAll(state.assignedPartitions());
    state.pendingSplits().forEach(split -> knownToDiscovery.add(split.getTopicPartition()));
    nextDiscoveryIsInitial = !state.initialDiscoveryFinished();
  }

  /**
   * The subtask that reads {@code partition} among {@code parallelism}: consecutive partitions of a
   * topic go to consecutive subtasks, from a start that the topic's name decides, so that several
   * small topics do not all land on subtask 0.
   */
  public static int ownerOf(TopicPartition partition, int parallelism) {
    int start = Math.floorMod(partition.topic().hashCode(), parallelism);
    return (start + partition.partition()) % parallelism;
  }

  private boolean periodicDiscovery() {
    return discoveryIntervalMillis > 0;
  }

  @Override
  public void start() {
    if (periodicDiscovery()) {
      context.callAsync(this::discoverNewSplits, this::onNewSplits, 0, discoveryIntervalMillis);
    } else if (!initialDiscoveryFinished) {
      context.callAsync(this::discoverNewSplits, this::onNewSplits, 0, 0);
    } else {
      assignPending();
    }
  }

  /** On the discovery thread: the partitions not seen before, with their offsets. */
  private List<KafkaPartitionSplit> discoverNewSplits() {
    Set<TopicPartition> found = subscriber.getSubscribedTopicPartitions(brokers);
    List<TopicPartition> fresh = new ArrayList<>();
    for (TopicPartition partition : found) {
      if (!knownToDiscovery.contains(partition)) {
        fresh.add(partition);
      }
    }
    fresh.sort(Comparator.comparing(TopicPartition::topic)
        .thenComparingInt(TopicPartition::partition));
    OffsetsInitializer starting = nextDiscoveryIsInitial ? startingOffsets : OffsetsInitializer.earliest();
    List<KafkaPartitionSplit> splits = new ArrayList<>();
    if (!fresh.isEmpty()) {
      Map<TopicPartition, Long> starts = starting.getPartitionOffsets(fresh, brokers);
      Map<TopicPartition, Long> stops =
          stoppingOffsets == null ? Map.of() : stoppingOffsets.getPartitionOffsets(fresh, brokers);
      for (TopicPartition partition : fresh) {
        Long start = starts.get(partition);
        if (start == null) {
          throw new IllegalStateException("Kafka source: the starting offsets initializer " + starting
              + " gave no offset for partition " + partition);
        }
        long stop = KafkaPartitionSplit.NO_STOPPING_OFFSET;
        if (stoppingOffsets != null) {
          Long given = stops.get(partition);
          if (given == null) {
            throw new IllegalStateException("Kafka source: the stopping offsets initializer " + stoppingOffsets
                + " gave no offset for partition " + partition);
          }
          stop = given;
        }
        splits.add(new KafkaPartitionSplit(partition, start, stop));
      }
    }
    knownToDiscovery.addAll(fresh);
    nextDiscoveryIsInitial = false;
    return splits;
  }

  /** On the coordinator thread: queues the new splits and hands out what can be handed out. */
  private void onNewSplits(List<KafkaPartitionSplit> splits, Throwable error) {
    if (error != null) {
      if (error instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException("Kafka source: partition discovery failed: " + error, error);
    }
    for (KafkaPartitionSplit split : splits) {
      if (!assigned.contains(split.getTopicPartition())) {
        pending.add(split);
      }
    }
    initialDiscoveryFinished = true;
    assignPending();
  }

  private void assignPending() {
    Set<Integer> readers = context.registeredReaders();
    int parallelism = context.currentParallelism();
    for (Iterator<KafkaPartitionSplit> it = pending.iterator(); it.hasNext(); ) {
      KafkaPartitionSplit split = it.next();
      int owner = ownerOf(split.getTopicPartition(), parallelism);
      if (readers.contains(owner)) {
        context.assignSplit(split, owner);
        assigned.add(split.getTopicPartition());
        it.remove();
      }
    }
    // Without discovery no split follows the first ones, so a bounded read can end.
    if (stoppingOffsets != null && !periodicDiscovery() && initialDiscoveryFinished) {
      Set<Integer> waiting = new LinkedHashSet<>();
      pending.forEach(split -> waiting.add(ownerOf(split.getTopicPartition(), parallelism)));
      for (int reader : readers) {
        if (!waiting.contains(reader) && toldNoMoreSplits.add(reader)) {
          context.signalNoMoreSplits(reader);
        }
      }
    }
  }

  @Override
  public void handleSplitRequest(int subtaskId) {
    // Splits are pushed to their owners as they are found; readers do not ask.
  }

  @Override
  public void addSplitsBack(List<KafkaPartitionSplit> splits, int subtaskId) {
    for (KafkaPartitionSplit split : splits) {
      assigned.remove(split.getTopicPartition());
      pending.add(split);
    }
    toldNoMoreSplits.remove(subtaskId);
  }

  @Override
  public void addReader(int subtaskId) {
    toldNoMoreSplits.remove(subtaskId);
    assignPending();
  }

  @Override
  public KafkaSourceEnumState snapshotState(long checkpointId) {
    return new KafkaSourceEnumState(assigned, pending, initialDiscoveryFinished);
  }

  @Override
  public void close() {
    brokers.close();
  }
}
