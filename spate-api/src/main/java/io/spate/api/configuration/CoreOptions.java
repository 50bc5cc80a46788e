package io.spate.api.configuration;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.common.RuntimeExecutionMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The options that every job reads: parallelism, execution mode and pipeline settings. */
@PublicEvolving
public final class CoreOptions {

  /** Flink's class has a public constructor; everything here is static. */
  public CoreOptions() {}

  /** Default parallelism of operators that set none. */
  public static final ConfigOption<Integer> DEFAULT_PARALLELISM =
      ConfigOption.key("parallelism.default")
          .intType()
          .defaultValue(Math.max(1, Runtime.getRuntime().availableProcessors()), "number of cores")
          .withDescription("Parallelism of operators that do not set their own.");

  /** Number of key groups; the upper bound for parallelism of keyed operators. */
  public static final ConfigOption<Integer> MAX_PARALLELISM =
      ConfigOption.key("pipeline.max-parallelism")
          .intType()
          .defaultValue(128)
          .withDescription("Number of key groups: the upper bound for the parallelism of keyed operators.");

  /** Streaming, batch or automatic execution. */
  public static final ConfigOption<RuntimeExecutionMode> RUNTIME_MODE =
      ConfigOption.key("execution.runtime-mode")
          .enumType(RuntimeExecutionMode.class)
          .defaultValue(RuntimeExecutionMode.STREAMING)
          .withDescription("streaming, batch, or automatic (batch when every source is bounded).");

  /** Interval of periodic watermark emission. */
  public static final ConfigOption<Duration> AUTO_WATERMARK_INTERVAL =
      ConfigOption.key("pipeline.auto-watermark-interval")
          .durationType()
          .defaultValue(Duration.ofMillis(200))
          .withDescription("How often periodic watermark generators are asked for a watermark (and idleness is"
              + " checked); a source that has read all its input for now also asks at once (at most every"
              + " millisecond); 0 turns periodic emission off.");

  /** Whether operators may reuse record objects. */
  public static final ConfigOption<Boolean> OBJECT_REUSE =
      ConfigOption.key("pipeline.object-reuse")
          .booleanType()
          .defaultValue(false)
          .withDescription("Records are never copied between chained operators; kept for Flink compatibility.");

  /** The jars that hold the job's code, separated by ';'. */
  public static final ConfigOption<String> JARS =
      ConfigOption.key("pipeline.jars")
          .stringType()
          .noDefaultValue()
          .withDescription("The jars that hold the job's code, as file paths or file: URIs separated by ';'. A"
              + " session cluster sets it to the uploaded jar; the JobMaster serves these files to the"
              + " TaskExecutors, which download them once per job into their temporary directory and load the"
              + " job's classes child-first from them (Spate's own packages and the JDK parent-first). Empty for"
              + " jobs whose code is on the cluster's class path, such as those of 'spate run' with an embedded"
              + " cluster.");

  /** The entries of {@link #JARS} in {@code configuration}, in order; empty when none is set. */
  public static List<String> jars(Configuration configuration) {
    List<String> jars = new ArrayList<>();
    for (String entry : configuration.getOptional(JARS).orElse("").split(";")) {
      if (!entry.isBlank()) {
        jars.add(entry.trim());
      }
    }
    return jars;
  }

  /**
   * Sets {@link #JARS} in {@code configuration} to {@code jars}.
   *
   * @throws IllegalArgumentException if an entry is blank or holds the separator ';'
   */
  public static void setJars(Configuration configuration, List<String> jars) {
    for (String jar : jars) {
      if (jar == null || jar.isBlank() || jar.contains(";")) {
        throw new IllegalArgumentException("A job jar location must be non-blank and free of ';', but is '"
            + jar + "'");
      }
    }
    configuration.set(JARS, String.join(";", jars));
  }

  // ---------------------------------------------------------------- Flink's file system connection limits

  /**
   * Flink's limit on the open streams to file system {@code scheme} ({@code fs.<scheme>.limit.total});
   * Spate reads and writes local files only and applies no limit, so a job that sets one is warned.
   */
  public static ConfigOption<Integer> fileSystemConnectionLimit(String scheme) {
    return connectionLimit(scheme, "total", "open streams");
  }

  /** As {@link #fileSystemConnectionLimit}, for input streams ({@code fs.<scheme>.limit.input}). */
  public static ConfigOption<Integer> fileSystemConnectionLimitIn(String scheme) {
    return connectionLimit(scheme, "input", "open input streams");
  }

  /** As {@link #fileSystemConnectionLimit}, for output streams ({@code fs.<scheme>.limit.output}). */
  public static ConfigOption<Integer> fileSystemConnectionLimitOut(String scheme) {
    return connectionLimit(scheme, "output", "open output streams");
  }

  /** Flink's wait, in ms, for a stream under the limit ({@code fs.<scheme>.limit.timeout}); not applied. */
  public static ConfigOption<Long> fileSystemConnectionLimitTimeout(String scheme) {
    return ConfigOption.key("fs." + scheme + ".limit.timeout").longType().defaultValue(0L)
        .withDescription("Flink's wait in milliseconds for a stream of " + scheme + " under the connection limit;"
            + " not applied by Spate.");
  }

  /** Flink's time, in ms, after which an inactive stream is closed ({@code fs.<scheme>.limit.stream-timeout}); not applied. */
  public static ConfigOption<Long> fileSystemConnectionLimitStreamInactivityTimeout(String scheme) {
    return ConfigOption.key("fs." + scheme + ".limit.stream-timeout").longType().defaultValue(0L)
        .withDescription("Flink's time in milliseconds after which an inactive stream of " + scheme
            + " is closed; not applied by Spate.");
  }

  private static ConfigOption<Integer> connectionLimit(String scheme, String kind, String what) {
    return ConfigOption.key("fs." + scheme + ".limit." + kind).intType().defaultValue(-1)
        .withDescription("Flink's limit on the " + what + " of " + scheme + " (-1: none); not applied by Spate.");
  }
}
