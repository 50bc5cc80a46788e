package io.spate.runtime.config;

import io.spate.runtime.DurationFormat;
import io.spate.api.configuration.CheckpointingOptions;
import io.spate.api.configuration.ConfigOption;
import io.spate.api.configuration.CoreOptions;
import io.spate.api.configuration.JobManagerOptions;
import io.spate.api.configuration.MemorySize;
import io.spate.api.configuration.PipelineOptions;
import io.spate.api.configuration.RestartStrategyOptions;
import io.spate.api.configuration.RestOptions;
import io.spate.api.configuration.SavepointOptions;
import io.spate.api.configuration.SecurityOptions;
import io.spate.api.configuration.StateBackendOptions;
import io.spate.api.execution.ExecutionOptions;
import io.spate.api.state.RocksDBOptions;
import io.spate.api.configuration.TaskManagerOptions;
import io.spate.runtime.cluster.ClusterProcessOptions;
import io.spate.runtime.highavailability.HighAvailabilityOptions;
import io.spate.runtime.rpc.remote.RpcOptions;
import io.spate.runtime.heartbeat.HeartbeatOptions;
import io.spate.runtime.metrics.MetricOptions;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Generates the table of every configuration option (docs/configuration.md) from the option
 * classes, so that the documentation cannot drift from the code.
 */
public final class ConfigurationDocs {

  /** The classes whose public static {@link ConfigOption} fields are documented. */
  public static final List<Class<?>> OPTION_CLASSES =
      List.of(CoreOptions.class, ExecutionOptions.class, CheckpointingOptions.class, SavepointOptions.class,
          RestartStrategyOptions.class, RestOptions.class, SecurityOptions.class, StateBackendOptions.class,
          RocksDBOptions.class, TaskManagerOptions.class, ClusterProcessOptions.class, RpcOptions.class,
          HeartbeatOptions.class, HighAvailabilityOptions.class, JobManagerOptions.class, MetricOptions.class,
          PipelineOptions.class, io.spate.api.configuration.WebOptions.class);

  private ConfigurationDocs() {}

  /** Every documented option, sorted by key; an option that two classes name (under Flink's names too) once. */
  public static List<ConfigOption<?>> allOptions() {
    List<ConfigOption<?>> options = new ArrayList<>();
    for (Class<?> holder : OPTION_CLASSES) {
      for (Field field : holder.getFields()) {
        if (Modifier.isStatic(field.getModifiers()) && field.getType() == ConfigOption.class) {
          try {
            ConfigOption<?> option = (ConfigOption<?>) field.get(null);
            if (!options.contains(option)) {
              options.add(option);
            }
          } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
          }
        }
      }
    }
    options.sort(Comparator.comparing(ConfigOption::key));
    return options;
  }

  /** The Markdown page. */
  public static String markdown() {
    StringBuilder sb = new StringBuilder();
    sb.append("# Configuration options\n\n")
        .append("Generated from the option classes by `ConfigurationDocs`; do not edit by hand. ")
        .append("Set options in code with `env.getConfiguration().setString(key, value)` (or `set(option, value)`).\n\n")
        .append("| key | type | default | description |\n|---|---|---|---|\n");
    for (ConfigOption<?> option : allOptions()) {
      sb.append("| `").append(option.key()).append("` | ").append(typeName(option.type())).append(" | ")
          .append(defaultValue(option)).append(" | ").append(option.description())
          .append(option.secret() ? " Secret: shown as `******` by the REST API." : "").append(" |\n");
    }
    return sb.toString();
  }

  private static String typeName(Class<?> type) {
    if (type.isEnum()) {
      StringBuilder sb = new StringBuilder();
      for (Object constant : type.getEnumConstants()) {
        sb.append(sb.length() == 0 ? "" : " \\| ").append(((Enum<?>) constant).name().toLowerCase(Locale.ROOT));
      }
      return sb.toString();
    }
    if (type == MemorySize.class) {
      return "memory size";
    }
    return type.getSimpleName().toLowerCase(Locale.ROOT);
  }

  private static String defaultValue(ConfigOption<?> option) {
    if (option.documentedDefault() != null) {
      return option.documentedDefault();
    }
    Object value = option.defaultValue();
    if (value == null) {
      return "(none)";
    }
    if (value instanceof Duration d) {
      return DurationFormat.of(d.toMillis());
    }
    if (value instanceof Enum<?> e) {
      return e.name().toLowerCase(Locale.ROOT);
    }
    return "`" + value + "`";
  }

  /** Prints the page to standard output. */
  public static void main(String[] args) {
    System.out.print(markdown());
  }
}
