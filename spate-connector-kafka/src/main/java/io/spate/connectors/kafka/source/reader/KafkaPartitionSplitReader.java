package io.spate.connectors.kafka.source.reader;

import io.spate.api.metrics.groups.UnregisteredMetricsGroup;
import io.spate.connectors.base.RecordsBySplits;
import io.spate.connectors.base.SplitReader;
import io.spate.connectors.kafka.source.metrics.KafkaSourceReaderMetrics;
import io.spate.connectors.kafka.source.split.KafkaPartitionSplit;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the partitions of one reader with one {@link KafkaConsumer} on the reader's fetcher thread:
 * partitions are assigned and sought to the offsets their splits carry (never subscribed, so there
 * is no group rebalancing), and a bounded partition is finished once the consumer's position reaches
 * its stopping offset. Offsets to commit are handed over from the task thread and committed
 * asynchronously on the fetcher thread, where the consumer lives.
 */
final class KafkaPartitionSplitReader implements SplitReader<ConsumerRecord<byte[], byte[]>, KafkaPartitionSplit> {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaPartitionSplitReader.class);
  private static final Duration POLL_TIMEOUT = Duration.ofSeconds(1);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final String groupId;
  private final int subtask;
  // Fetcher thread only.
  private final Map<TopicPartition, Long> stoppingOffsets = new HashMap<>();
  private final Set<String> emptySplits = new LinkedHashSet<>();
  // Handed over from the task thread.
  private final AtomicReference<Map<TopicPartition, Long>> offsetsToCommit = new AtomicReference<>();
  private final Map<TopicPartition, Long> committedOffsets = new ConcurrentHashMap<>();
  /** Commits sent and not yet answered; fetcher thread only. */
  private int pendingCommits;
  private final KafkaSourceReaderMetrics metrics;
  /** How long close waits for the answers to commits already sent. */
  private final Duration closeTimeout;

  KafkaPartitionSplitReader(Properties consumerProperties, int subtask, Duration closeTimeout) {
    this(consumerProperties, subtask, new KafkaSourceReaderMetrics(UnregisteredMetricsGroup.createSourceReaderMetricGroup(), false),
        closeTimeout);
  }

  KafkaPartitionSplitReader(Properties consumerProperties, int subtask, KafkaSourceReaderMetrics metrics) {
    this(consumerProperties, subtask, metrics, CLOSE_TIMEOUT);
  }

  private KafkaPartitionSplitReader(Properties consumerProperties, int subtask, KafkaSourceReaderMetrics metrics,
      Duration closeTimeout) {
    this.consumer = new KafkaConsumer<>(consumerProperties);
    this.groupId = consumerProperties.getProperty("group.id");
    this.subtask = subtask;
    this.metrics = metrics;
    this.closeTimeout = closeTimeout;
    metrics.registerNewConsumerMetrics(consumer.metrics());
  }

  @Override
  public void addSplits(List<KafkaPartitionSplit> splits) {
    Set<TopicPartition> assignment = new HashSet<>(consumer.assignment());
    for (KafkaPartitionSplit split : splits) {
      if (split.isEmpty()) {
        emptySplits.add(split.splitId());
        continue;
      }
      assignment.add(split.getTopicPartition());
      metrics.trackRecordsLag(split.getTopicPartition());
      split.getStoppingOffset().ifPresent(stop -> stoppingOffsets.put(split.getTopicPartition(), stop));
    }
    consumer.assign(assignment);
    for (KafkaPartitionSplit split : splits) {
      if (!split.isEmpty()) {
        consumer.seek(split.getTopicPartition(), split.getStartingOffset());
      }
    }
  }

  @Override
  public RecordsBySplits<ConsumerRecord<byte[], byte[]>> fetch() {
    commitHandedOverOffsets();
    RecordsBySplits.Builder<ConsumerRecord<byte[], byte[]>> batch = RecordsBySplits.builder();
    emptySplits.forEach(batch::finish);
    emptySplits.clear();
    if (consumer.assignment().isEmpty()) {
      return batch.build();
    }
    ConsumerRecords<byte[], byte[]> records;
    try {
      records = consumer.poll(POLL_TIMEOUT);
    } catch (WakeupException e) {
      return batch.build();
    }
    batch.fetchedAt(System.currentTimeMillis());
    // The consumer adds metrics as it goes, such as a partition's records-lag after its first fetch.
    metrics.registerNewConsumerMetrics(consumer.metrics());
    metrics.updateRecordsLags(consumer.metrics());
    for (TopicPartition partition : records.partitions()) {
      String splitId = KafkaPartitionSplit.toSplitId(partition);
      Long stop = stoppingOffsets.get(partition);
      List<ConsumerRecord<byte[], byte[]>> partitionRecords = records.records(partition);
      if (partitionRecords.isEmpty()) {
        continue;
      }
      if (stop == null || partitionRecords.get(partitionRecords.size() - 1).offset() < stop) {
        // The poll's own list, not a copy: this thread parses every record, so it must do no more.
        batch.addAll(splitId, partitionRecords);
        continue;
      }
      for (ConsumerRecord<byte[], byte[]> record : partitionRecords) {
        if (record.offset() >= stop) {
          break;
        }
        batch.add(splitId, record);
      }
    }
    finishPartitionsAtTheirStop(records, batch);
    return batch.build();
  }

  /**
   * Finishes every bounded partition whose position after this poll reached its stopping offset;
   * the position, not the last record, decides, since transaction markers take offsets too.
   */
  private void finishPartitionsAtTheirStop(
      ConsumerRecords<byte[], byte[]> records, RecordsBySplits.Builder<ConsumerRecord<byte[], byte[]>> batch) {
    if (stoppingOffsets.isEmpty()) {
      return;
    }
    Map<TopicPartition, OffsetAndMetadata> next = records.nextOffsets();
    Set<TopicPartition> finished = new HashSet<>();
    for (Map.Entry<TopicPartition, Long> entry : stoppingOffsets.entrySet()) {
      OffsetAndMetadata position = next.get(entry.getKey());
      if (position != null && position.offset() >= entry.getValue()) {
        finished.add(entry.getKey());
      }
    }
    if (finished.isEmpty()) {
      return;
    }
    for (TopicPartition partition : finished) {
      stoppingOffsets.remove(partition);
      metrics.untrackRecordsLag(partition);
      batch.finish(KafkaPartitionSplit.toSplitId(partition));
    }
    Set<TopicPartition> assignment = new HashSet<>(consumer.assignment());
    assignment.removeAll(finished);
    consumer.assign(assignment);
  }

  /** Called from the task thread: commit these offsets soon (the next fetch does, woken up now). */
  void commitOffsets(Map<TopicPartition, Long> offsets) {
    offsetsToCommit.set(Map.copyOf(offsets));
    consumer.wakeup();
  }

  /** The offsets the brokers acknowledged as committed, by partition. */
  Map<TopicPartition, Long> committedOffsets() {
    return committedOffsets;
  }

  private void commitHandedOverOffsets() {
    Map<TopicPartition, Long> offsets = offsetsToCommit.getAndSet(null);
    if (offsets == null || offsets.isEmpty()) {
      return;
    }
    Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
    offsets.forEach((partition, offset) -> commit.put(partition, new OffsetAndMetadata(offset)));
    try {
      sendCommit(commit, offsets);
    } catch (WakeupException e) {
      // A wake-up meant for a poll (these offsets' own, or new splits') came while no poll ran, and
      // the consumer raised it here instead: hand the offsets back unless newer ones came meanwhile.
      offsetsToCommit.compareAndSet(null, offsets);
    }
  }

  private void sendCommit(Map<TopicPartition, OffsetAndMetadata> commit, Map<TopicPartition, Long> offsets) {
    pendingCommits++;
    try {
      consumer.commitAsync(commit, (done, error) -> onCommitAnswered(offsets, done, error));
    } catch (RuntimeException e) {
      pendingCommits--;
      throw e;
    }
  }

  private void onCommitAnswered(
      Map<TopicPartition, Long> offsets, Map<TopicPartition, OffsetAndMetadata> done, Exception error) {
    pendingCommits--;
    if (error != null) {
      metrics.recordFailedCommit();
      LOG.warn("Kafka source subtask {}: committing offsets {} of consumer group '{}' failed; they serve "
          + "monitoring only, and the next completed checkpoint commits again: {}", subtask, offsets, groupId,
          error.toString());
      return;
    }
    metrics.recordSucceededCommit();
    done.forEach((partition, offset) -> {
      committedOffsets.put(partition, offset.offset());
      metrics.recordCommittedOffset(partition, offset.offset());
    });
  }

  @Override
  public void wakeUp() {
    consumer.wakeup();
  }

  /**
   * Waits up to five seconds (by default) for the answers to commits already sent, then closes the consumer
   * without waiting for anything else. A consumer of kafka-clients 3.5 or later closes its fetch
   * sessions in {@code close} and waits for the answers, and on a connection the broker answers in
   * order: behind the fetch the consumer sent ahead, which at the end of the data the broker holds for
   * {@code fetch.max.wait.ms} (500 ms by default). Every bounded job ended that much later. A session
   * left open is what clients before 3.5 always left: the broker evicts it from its session cache.
   */
  @Override
  public void close() {
    try {
      awaitPendingCommits();
    } finally {
      consumer.close(CloseOptions.timeout(Duration.ZERO));
    }
  }

  private void awaitPendingCommits() {
    // A wake-up asked for before close (by shutting the fetcher down) surfaces in the first call once.
    for (int attempt = 0; attempt < 2 && pendingCommits > 0; attempt++) {
      try {
        // Documented to return only after every commitAsync before it is answered, calling their callbacks.
        consumer.commitSync(Map.of(), closeTimeout);
        return;
      } catch (WakeupException e) {
        // the wake-up meant for a poll; try once more
      } catch (RuntimeException e) {
        LOG.warn("Kafka source subtask {}: waiting for {} offset commits of consumer group '{}' before closing "
            + "failed; they serve monitoring only: {}", subtask, pendingCommits, groupId, e.toString());
        return;
      }
    }
  }
}
