package io.spate.bench.kafka;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one child run of the Kafka benchmark does, passed on its command line as {@code --name value}
 * pairs: the workload, the broker and topics, how many records the input topic holds, the
 * parallelism, the checkpoint interval (0 for none) and directory, the transactional id prefix of
 * an exactly-once sink, and the file to write the {@link KafkaRunResult} JSON to.
 */
public record KafkaRunnerOptions(KafkaWorkload workload, String bootstrapServers, String inputTopic,
    String outputTopic, long records, int parallelism, long checkpointIntervalMillis, Path checkpointDir,
    String transactionalIdPrefix, Path out) {

  /** The command-line form, which {@link #parse} reads back. */
  public List<String> toArgs() {
    return List.of("--workload", workload.id(), "--bootstrap-servers", bootstrapServers,
        "--input-topic", inputTopic, "--output-topic", outputTopic, "--records", Long.toString(records),
        "--parallelism", Integer.toString(parallelism),
        "--checkpoint-interval-ms", Long.toString(checkpointIntervalMillis),
        "--checkpoint-dir", checkpointDir.toString(), "--transactional-id-prefix", transactionalIdPrefix,
        "--out", out.toString());
  }

  /** Reads the form {@link #toArgs} writes; fails naming a missing or malformed option. */
  public static KafkaRunnerOptions parse(String[] args) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("Expected '--name value' pairs, but got '" + args[i] + "' at position " + i);
      }
      m.put(args[i].substring(2), args[i + 1]);
    }
    try {
      return new KafkaRunnerOptions(KafkaWorkload.of(required(m, "workload")), required(m, "bootstrap-servers"),
          required(m, "input-topic"), required(m, "output-topic"), Long.parseLong(required(m, "records")),
          Integer.parseInt(required(m, "parallelism")), Long.parseLong(required(m, "checkpoint-interval-ms")),
          Path.of(required(m, "checkpoint-dir")), required(m, "transactional-id-prefix"), Path.of(required(m, "out")));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("A numeric option is not a number: " + e.getMessage(), e);
    }
  }

  private static String required(Map<String, String> m, String name) {
    String v = m.get(name);
    if (v == null) {
      throw new IllegalArgumentException("Missing option --" + name);
    }
    return v;
  }
}
