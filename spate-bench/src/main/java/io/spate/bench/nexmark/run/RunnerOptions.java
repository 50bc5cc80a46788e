package io.spate.bench.nexmark.run;

import io.spate.bench.nexmark.NexmarkQueries;
import io.spate.bench.nexmark.NexmarkQuery;
import io.spate.connectors.nexmark.NexmarkConfiguration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The arguments of one runner process, as the benchmark protocol gives them: {@code --query qN
 * --events N --parallelism P --state hashmap|rocksdb --checkpoint-interval-ms M --checkpoint-dir DIR
 * --seed S --out FILE [--event-rate EPS] [--rate EPS] [--latency]}.
 *
 * @param query the query's name, such as {@code q5}
 * @param events how many events the generator makes
 * @param parallelism the job's parallelism (ignored by the baseline)
 * @param state the state backend, {@code hashmap} or {@code rocksdb}
 * @param checkpointIntervalMillis the checkpoint interval, 0 for none
 * @param checkpointDir where checkpoints (and RocksDB's working files) go
 * @param seed the generator's seed
 * @param out the file the runner writes its JSON result to
 * @param eventRate events per second of event time, unpaced; 0 for the generator's default
 * @param rate events per second of event time and of wall-clock pacing; 0 for unpaced (then {@code eventRate}
 *     applies)
 * @param latency whether to measure per-row latency (needs a rate)
 */
public record RunnerOptions(String query, long events, int parallelism, String state, long checkpointIntervalMillis,
    Path checkpointDir, long seed, Path out, double eventRate, double rate, boolean latency) {

  /** Checks that the options make sense together. */
  public RunnerOptions {
    if (query == null || events < 0 || parallelism < 1 || checkpointIntervalMillis < 0 || out == null) {
      throw new IllegalArgumentException("Runner options need --query, --events >= 0, --parallelism >= 1, "
          + "--checkpoint-interval-ms >= 0 and --out");
    }
    if (!state.equals("hashmap") && !state.equals("rocksdb")) {
      throw new IllegalArgumentException("--state must be hashmap or rocksdb, but is " + state);
    }
    configuration(seed, events, eventRate, rate); // fails on negative or conflicting rates
    if (latency && !(rate > 0)) {
      throw new IllegalArgumentException("--latency needs --rate EPS, the pace of the source");
    }
  }

  /** Parses the protocol's arguments; fails with a message naming the bad one. */
  public static RunnerOptions parse(String[] args) {
    String query = null;
    long events = -1;
    int parallelism = 1;
    String state = "hashmap";
    long interval = 0;
    Path dir = null;
    long seed = 0;
    Path out = null;
    double eventRate = 0;
    double rate = 0;
    boolean latency = false;
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (name.equals("--latency")) {
        latency = true;
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("Option " + name + " needs a value");
      }
      String value = args[++i];
      try {
        switch (name) {
          case "--query" -> query = value.toLowerCase(Locale.ROOT);
          case "--events" -> events = Long.parseLong(value);
          case "--parallelism" -> parallelism = Integer.parseInt(value);
          case "--state" -> state = value;
          case "--checkpoint-interval-ms" -> interval = Long.parseLong(value);
          case "--checkpoint-dir" -> dir = Path.of(value);
          case "--seed" -> seed = Long.parseLong(value);
          case "--out" -> out = Path.of(value);
          case "--event-rate" -> eventRate = Double.parseDouble(value);
          case "--rate" -> rate = Double.parseDouble(value);
          default -> throw new IllegalArgumentException("Unknown option " + name);
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("Option " + name + " needs a number, but got '" + value + "'");
      }
    }
    if (dir == null) {
      dir = Path.of(System.getProperty("java.io.tmpdir"), "spate-nexmark-checkpoints");
    }
    return new RunnerOptions(query, events, parallelism, state, interval, dir, seed, out, eventRate, rate, latency);
  }

  /** The arguments that {@link #parse} turns back into these options. */
  public List<String> toArgs() {
    List<String> args = new ArrayList<>(List.of("--query", query, "--events", Long.toString(events),
        "--parallelism", Integer.toString(parallelism), "--state", state,
        "--checkpoint-interval-ms", Long.toString(checkpointIntervalMillis),
        "--checkpoint-dir", checkpointDir.toString(), "--seed", Long.toString(seed), "--out", out.toString()));
    if (eventRate > 0) {
      args.add("--event-rate");
      args.add(Double.toString(eventRate));
    }
    if (rate > 0) {
      args.add("--rate");
      args.add(Double.toString(rate));
    }
    if (latency) {
      args.add("--latency");
    }
    return args;
  }

  /** The generator's configuration: the seed, the number of events, the rates if given, defaults otherwise. */
  public NexmarkConfiguration configuration() {
    return configuration(seed, events, eventRate, rate);
  }

  /**
   * The generator's configuration of any runner of the protocol: {@code rate > 0} paces the source
   * and sets event time to it, else {@code eventRate > 0} sets event time only; fails if both are
   * given and differ, or if one is negative.
   */
  public static NexmarkConfiguration configuration(long seed, long events, double eventRate, double rate) {
    if (!(eventRate >= 0) || !(rate >= 0)) {
      throw new IllegalArgumentException("--event-rate and --rate must be at least 0, but are " + eventRate
          + " and " + rate);
    }
    if (rate > 0 && eventRate > 0 && eventRate != rate) {
      throw new IllegalArgumentException("--rate " + rate + " sets the event-time rate too, but --event-rate is "
          + eventRate + "; give one, or both equal");
    }
    NexmarkConfiguration.Builder builder = NexmarkConfiguration.builder().seed(seed).events(events);
    if (rate > 0) {
      builder.eventsPerSecond(rate).rateLimited(true);
    } else if (eventRate > 0) {
      builder.eventsPerSecond(eventRate);
    }
    return builder.build();
  }

  /** The query named by {@code --query}. */
  public NexmarkQuery<Object> nexmarkQuery() {
    return NexmarkQueries.named(query);
  }
}
