package io.spate.connectors.kafka.sink;

import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The sink's {@code transaction.timeout.ms}: how long a transaction may stay open before the broker
 * aborts it. It must cover the checkpoint interval plus the time from a checkpoint to its commit,
 * including any time the job is down before a restart commits it; it may not exceed the brokers'
 * {@code transaction.max.timeout.ms}.
 */
final class TransactionTimeouts {

  /** The timeout when none is set, as in Flink, unless the brokers allow less. */
  static final Duration DEFAULT = Duration.ofHours(1);

  static final String BROKER_MAX = "transaction.max.timeout.ms";

  private TransactionTimeouts() {}

  /**
   * Sets {@code transaction.timeout.ms} in {@code producerConfig} to the default (capped by the
   * brokers' maximum) if it is unset; fails naming both values if it is set above the maximum.
   */
  static void check(Properties producerConfig, KafkaCluster cluster) {
    String maxValue = cluster.brokerSetting(BROKER_MAX);
    long brokerMax;
    try {
      brokerMax = Long.parseLong(maxValue);
    } catch (NumberFormatException e) {
      throw new KafkaSinkException("KafkaSink: the brokers report " + BROKER_MAX + "=" + maxValue
          + ", which is not a number of milliseconds", e);
    }
    Object configured = producerConfig.get(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG);
    if (configured == null) {
      producerConfig.setProperty(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG,
          Long.toString(Math.min(DEFAULT.toMillis(), brokerMax)));
      return;
    }
    long timeout = parse(configured);
    if (timeout > brokerMax) {
      throw new KafkaSinkException("KafkaSink: transaction.timeout.ms=" + timeout + " is above the brokers' "
          + BROKER_MAX + "=" + brokerMax + ", so the brokers would refuse every transaction: lower"
          + " transaction.timeout.ms (setProperty) or raise " + BROKER_MAX + " on the brokers", null);
    }
  }

  /** {@code value} as milliseconds; fails naming the setting if it is not a positive number. */
  static long parse(Object value) {
    try {
      long timeout = Long.parseLong(value.toString().trim());
      if (timeout > 0) {
        return timeout;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("KafkaSink: transaction.timeout.ms must be a positive number of"
        + " milliseconds, but is '" + value + "'");
  }
}
