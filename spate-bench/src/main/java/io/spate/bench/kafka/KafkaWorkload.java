package io.spate.bench.kafka;

import java.util.Arrays;
import java.util.Locale;

/** The pipelines of the Kafka benchmark, each run on both engines over the same input topic. */
public enum KafkaWorkload {

  /** KafkaSource into a sink that only counts: what reading Kafka costs. */
  DISCARD("discard", false),
  /** KafkaSource, a map, and a KafkaSink with at-least-once delivery (flushed at each checkpoint). */
  AT_LEAST_ONCE("at-least-once", true),
  /** KafkaSource, a map, and a KafkaSink with exactly-once delivery (a transaction per checkpoint). */
  EXACTLY_ONCE("exactly-once", true);

  private final String id;
  private final boolean writesToKafka;

  KafkaWorkload(String id, boolean writesToKafka) {
    this.id = id;
    this.writesToKafka = writesToKafka;
  }

  /** The name used on the command line, in file names and in the report. */
  public String id() {
    return id;
  }

  /** Whether the workload ends in a KafkaSink writing to an output topic. */
  public boolean writesToKafka() {
    return writesToKafka;
  }

  /** The workload named {@code id} (case-insensitive); fails listing the known names. */
  public static KafkaWorkload of(String id) {
    String wanted = id.trim().toLowerCase(Locale.ROOT);
    for (KafkaWorkload w : values()) {
      if (w.id.equals(wanted)) {
        return w;
      }
    }
    throw new IllegalArgumentException("Unknown workload '" + id + "'; known: "
        + Arrays.stream(values()).map(KafkaWorkload::id).toList());
  }
}
