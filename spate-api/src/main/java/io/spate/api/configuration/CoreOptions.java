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
}
