package io.spate.runtime.rest;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.spate.api.common.JobID;
import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.RestOptions;
import io.spate.runtime.dispatcher.DispatcherGateway;
import io.spate.runtime.resourcemanager.ResourceManagerGateway;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Flink's flame graph route, {@code /jobs/{jobid}/vertices/{vertexid}/flamegraph?type=full|on_cpu|off_cpu}:
 * samples the TaskManagers' worker threads while they run the vertex's subtasks and answers
 * {@code {"endTimestamp", "data": {"name", "value", "children"}}}. Off unless {@code rest.flamegraph.enabled}.
 */
final class FlameGraphRoutes {

  private static final Set<String> TYPES = Set.of("full", "on_cpu", "off_cpu");

  private final DispatcherGateway dispatcher;
  private final ResourceManagerGateway resourceManager;
  private final RestResponses responses;
  private final boolean enabled;
  private final int samples;
  private final long delayMillis;
  private final int maxDepth;
  private final FlameGraphCache cache;

  FlameGraphRoutes(Configuration conf, DispatcherGateway dispatcher, ResourceManagerGateway resourceManager,
      RestResponses responses) {
    this.dispatcher = dispatcher;
    this.resourceManager = resourceManager;
    this.responses = responses;
    this.enabled = conf.get(RestOptions.FLAMEGRAPH_ENABLED);
    this.samples = Math.max(1, conf.get(RestOptions.FLAMEGRAPH_NUM_SAMPLES));
    this.delayMillis = Math.max(0, conf.get(RestOptions.FLAMEGRAPH_DELAY).toMillis());
    this.maxDepth = Math.max(1, conf.get(RestOptions.FLAMEGRAPH_STACK_DEPTH));
    this.cache = new FlameGraphCache(conf.get(RestOptions.FLAMEGRAPH_REFRESH_INTERVAL).toMillis(),
        conf.get(RestOptions.FLAMEGRAPH_CLEANUP_INTERVAL).toMillis(), () -> System.nanoTime() / 1_000_000);
  }

  void register(RoutesConfig routes) {
    routes.get("/jobs/{jobid}/vertices/{vertexid}/flamegraph", this::flameGraph);
  }

  private void flameGraph(Context ctx) {
    JobID jobId = JobRoutes.jobId(ctx);
    int vertexId = MetricRoutes.vertexIdOf(ctx);
    String type = ctx.queryParam("type") == null ? "full" : ctx.queryParam("type").toLowerCase(Locale.ROOT);
    if (!TYPES.contains(type)) {
      throw RestException.badRequest("Query parameter 'type' is '" + ctx.queryParam("type") + "'; the types are full,"
          + " on_cpu and off_cpu.");
    }
    if (!enabled) {
      throw new RestException(409, "Flame graphs are off on this cluster; set " + RestOptions.FLAMEGRAPH_ENABLED.key()
          + ": true to sample them.");
    }
    responses.reply(ctx, 200, dispatcher.requestJobDetails(jobId)
        .thenApply(details -> MetricRoutes.vertexOf(details, jobId, vertexId))
        .thenCompose(vertex -> cache.get(jobId.toString(), vertexId, type, () -> resourceManager
            .requestStackSamples(jobId, vertexId, type, samples, delayMillis, maxDepth)
            .thenApply(stacks -> {
              Map<String, Object> answer = new LinkedHashMap<>();
              answer.put("endTimestamp", System.currentTimeMillis());
              answer.put("data", tree(stacks).toJson());
              return answer;
            }))));
  }

  /** The flame graph of {@code stacks} (frames outermost first): a node per call path, valued by its samples. */
  static Node tree(List<List<String>> stacks) {
    Node root = new Node("root");
    for (List<String> stack : stacks) {
      Node node = root;
      node.value++;
      for (String frame : stack) {
        node = node.child(frame);
        node.value++;
      }
    }
    return root;
  }

  /** A node of a flame graph: a frame, how many samples passed through it, and the frames it called. */
  static final class Node {
    final String name;
    int value;
    final Map<String, Node> children = new LinkedHashMap<>();

    Node(String name) {
      this.name = name;
    }

    Node child(String frame) {
      return children.computeIfAbsent(frame, Node::new);
    }

    Map<String, Object> toJson() {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("name", name);
      json.put("value", value);
      List<Map<String, Object>> nested = new ArrayList<>();
      children.values().forEach(child -> nested.add(child.toJson()));
      json.put("children", nested);
      return json;
    }
  }
}
