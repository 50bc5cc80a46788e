package io.spate.connectors.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;

/** Helpers for code that creates the Kafka topics a job then writes to. */
public final class KafkaTopics {

  private static final long RETRY_PAUSE_MILLIS = 50;

  private KafkaTopics() {}

  /**
   * Returns once a broker leads every one of the first {@code partitions} partitions of {@code topic}.
   *
   * <p>A topic's partitions get their leaders a moment after the topic was created. An idempotent
   * producer (Kafka's default) that writes meanwhile may have its first batch refused with
   * NOT_LEADER_OR_FOLLOWER while later batches are taken, and then retries that batch with an
   * out-of-order sequence number until its delivery timeout runs out (two minutes by default). Listing
   * the partitions' end offsets asks each partition's leader; this asks again until all answer.
   *
   * @throws IllegalStateException naming the topic if the partitions have no leader within {@code timeout}, or
   *     at once if the brokers give an error that waiting does not cure
   */
  public static void awaitLeaders(Admin admin, String topic, int partitions, Duration timeout) {
    Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
    for (int partition = 0; partition < partitions; partition++) {
      ends.put(new TopicPartition(topic, partition), OffsetSpec.latest());
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (true) {
        long left = deadline - System.nanoTime();
        try {
          admin.listOffsets(ends).all().get(Math.max(left, 0), TimeUnit.NANOSECONDS);
          return;
        } catch (ExecutionException e) {
          // A topic created a moment ago may be unknown to the broker the admin client asks.
          if (!(e.getCause() instanceof RetriableException) || System.nanoTime() - deadline >= 0) {
            throw failure(topic, partitions, timeout, e.getCause());
          }
          Thread.sleep(RETRY_PAUSE_MILLIS);
        } catch (TimeoutException e) {
          throw failure(topic, partitions, timeout, e);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the leaders of Kafka topic '" + topic + "'", e);
    }
  }

  private static IllegalStateException failure(String topic, int partitions, Duration timeout, Throwable cause) {
    return new IllegalStateException("The " + partitions + " partitions of Kafka topic '" + topic
        + "' have no leader within " + timeout.toSeconds() + " s: " + cause, cause);
  }
}
