package io.spate.api.dag;

import io.spate.api.annotation.Internal;
import io.spate.api.common.ExecutionConfig;
import io.spate.api.common.RuntimeExecutionMode;
import io.spate.api.configuration.Configuration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The logical graph of a job as the API built it: its sinks (from which every transformation is
 * reachable), its settings, and the class loader of its code. Validated on construction by {@link
 * StreamGraphValidator}.
 *
 * @param jobName the job's name
 * @param sinks the terminal transformations
 * @param configuration the job's configuration
 * @param executionConfig the settings functions can read
 * @param runtimeMode the resolved mode: STREAMING or BATCH, never AUTOMATIC
 * @param userClassLoader the class loader of the job's code
 */
@Internal
public record StreamGraph(
    String jobName,
    List<Transformation<?>> sinks,
    Configuration configuration,
    ExecutionConfig executionConfig,
    RuntimeExecutionMode runtimeMode,
    ClassLoader userClassLoader) {

  /** Creates the graph. */
  public StreamGraph {
    sinks = List.copyOf(sinks);
    if (runtimeMode == RuntimeExecutionMode.AUTOMATIC) {
      throw new IllegalArgumentException("The runtime mode of a stream graph must be resolved");
    }
  }

  /** Every transformation reachable from the sinks, each after all of its inputs. */
  public List<Transformation<?>> transformations() {
    return reachableFrom(sinks);
  }

  /** Every transformation reachable from {@code sinks}, each after all of its inputs. */
  public static List<Transformation<?>> reachableFrom(List<Transformation<?>> sinks) {
    List<Transformation<?>> order = new ArrayList<>();
    Set<Integer> visited = new HashSet<>();
    for (Transformation<?> sink : sinks) {
      visit(sink, visited, order);
    }
    return order;
  }

  private static void visit(Transformation<?> t, Set<Integer> visited, List<Transformation<?>> order) {
    if (!visited.add(t.getId())) {
      return;
    }
    for (Transformation<?> input : t.getInputs()) {
      visit(input, visited, order);
    }
    order.add(t);
  }
}
