package io.spate.api.datastream;

import io.spate.api.dag.PartitionSpec;
import io.spate.api.dag.PartitionTransformation;
import io.spate.api.dag.SideOutputTransformation;
import io.spate.api.dag.SinkTransformation;
import io.spate.api.dag.SourceTransformation;
import io.spate.api.dag.StreamGraph;
import io.spate.api.dag.Transformation;
import io.spate.api.dag.UnionTransformation;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the JSON plan of {@link StreamExecutionEnvironment#getExecutionPlan()}, in the shape of
 * Flink's: one node per operator, and per input the operator it reads and how records get there.
 * Partitioning, unions and side outputs are no operators: they show on the inputs.
 */
final class ExecutionPlan {

  private ExecutionPlan() {}

  /** The plan of everything reachable from {@code sinks}; {@code defaultParallelism} fills in unset ones. */
  static String json(List<Transformation<?>> sinks, int defaultParallelism) {
    StringBuilder out = new StringBuilder("{\"nodes\":[");
    boolean first = true;
    for (Transformation<?> t : StreamGraph.reachableFrom(sinks)) {
      if (isVirtual(t)) {
        continue;
      }
      out.append(first ? "" : ",").append("{\"id\":").append(t.getId())
          .append(",\"type\":").append(quote(kind(t)))
          .append(",\"pact\":").append(quote(pact(t)))
          .append(",\"contents\":").append(quote(t.getName()))
          .append(",\"parallelism\":").append(parallelism(t, defaultParallelism));
      List<String> predecessors = new ArrayList<>();
      List<Transformation<?>> inputs = t.getInputs();
      for (int i = 0; i < inputs.size(); i++) {
        String side = inputs.size() == 2 ? (i == 0 ? "first" : "second") : null;
        addPredecessors(inputs.get(i), null, t, defaultParallelism, side, predecessors);
      }
      if (!predecessors.isEmpty()) {
        out.append(",\"predecessors\":[").append(String.join(",", predecessors)).append(']');
      }
      out.append('}');
      first = false;
    }
    return out.append("]}").toString();
  }

  private static boolean isVirtual(Transformation<?> t) {
    return t instanceof PartitionTransformation<?> || t instanceof UnionTransformation<?>
        || t instanceof SideOutputTransformation<?>;
  }

  /** The operators {@code input} stands for, each with the partitioning that a virtual node on the way set. */
  private static void addPredecessors(Transformation<?> input, PartitionSpec partitioning, Transformation<?> target,
      int defaultParallelism, String side, List<String> out) {
    if (input instanceof PartitionTransformation<?> p) {
      addPredecessors(p.getInput(), p.getPartitioning(), target, defaultParallelism, side, out);
    } else if (input instanceof SideOutputTransformation<?> s) {
      addPredecessors(s.getInput(), partitioning, target, defaultParallelism, side, out);
    } else if (input instanceof UnionTransformation<?> u) {
      for (Transformation<?> unionInput : u.getInputs()) {
        addPredecessors(unionInput, partitioning, target, defaultParallelism, side, out);
      }
    } else {
      String strategy = shipStrategy(partitioning,
          parallelism(input, defaultParallelism) == parallelism(target, defaultParallelism));
      out.add("{\"id\":" + input.getId() + ",\"ship_strategy\":" + quote(strategy)
          + (side == null ? "" : ",\"side\":" + quote(side)) + "}");
    }
  }

  private static String shipStrategy(PartitionSpec partitioning, boolean sameParallelism) {
    if (partitioning == null || partitioning instanceof PartitionSpec.Default) {
      return sameParallelism ? "FORWARD" : "REBALANCE";
    }
    if (partitioning instanceof PartitionSpec.KeyGroupHash) {
      return "HASH";
    }
    if (partitioning instanceof PartitionSpec.Custom) {
      return "CUSTOM";
    }
    return partitioning.getClass().getSimpleName().toUpperCase(java.util.Locale.ROOT);
  }

  private static int parallelism(Transformation<?> t, int defaultParallelism) {
    return t.getParallelism() > 0 ? t.getParallelism() : defaultParallelism;
  }

  private static String kind(Transformation<?> t) {
    if (t instanceof SourceTransformation<?>) {
      return "Source: " + t.getName();
    }
    if (t instanceof SinkTransformation<?>) {
      return "Sink: " + t.getName();
    }
    return t.getName();
  }

  private static String pact(Transformation<?> t) {
    if (t instanceof SourceTransformation<?>) {
      return "Data Source";
    }
    return t instanceof SinkTransformation<?> ? "Data Sink" : "Operator";
  }

  private static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
