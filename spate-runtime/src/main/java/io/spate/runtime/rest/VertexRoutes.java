package io.spate.runtime.rest;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.spate.api.common.JobID;
import io.spate.runtime.dispatcher.DispatcherGateway;
import io.spate.runtime.dispatcher.JobOverview;
import io.spate.runtime.jobmaster.JobDetails;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Flink's REST routes about a job's graph and its vertices: the plan, and per vertex the backpressure
 * and the watermarks of its subtasks, the latter two read from the {@link MetricStore}.
 */
final class VertexRoutes {

  /** Up to this share of time backpressured a subtask is "ok", as in Flink. */
  static final double LOW_BACKPRESSURE = 0.10;
  /** Above this share it is "high"; in between "low". */
  static final double HIGH_BACKPRESSURE = 0.5;

  private final DispatcherGateway dispatcher;
  private final MetricFetcher fetcher;
  private final RestResponses responses;

  VertexRoutes(DispatcherGateway dispatcher, MetricFetcher fetcher, RestResponses responses) {
    this.dispatcher = dispatcher;
    this.fetcher = fetcher;
    this.responses = responses;
  }

  void register(RoutesConfig routes) {
    routes.get("/jobs/{jobid}/plan", this::plan);
    routes.get("/jobs/{jobid}/vertices/{vertexid}", this::vertexDetails);
    routes.get("/jobs/{jobid}/vertices/{vertexid}/backpressure", this::backpressure);
    routes.get("/jobs/{jobid}/vertices/{vertexid}/watermarks", this::watermarks);
  }

  private void plan(Context ctx) {
    JobID jobId = JobRoutes.jobId(ctx);
    responses.reply(ctx, 200, dispatcher.requestJobDetails(jobId).thenCombine(dispatcher.requestJobOverviews(),
        (details, jobs) -> Map.of("plan", plan(jobId, jobs.stream().filter(job -> job.jobId().equals(jobId))
            .map(JobOverview::jobName).findFirst().orElse(""), details))));
  }

  /** Flink's plan of a job: its vertices as nodes, each with the inputs that feed it and how. */
  static Map<String, Object> plan(JobID jobId, String name, JobDetails details) {
    List<Map<String, Object>> nodes = new ArrayList<>();
    for (JobDetails.Vertex vertex : details.vertices()) {
      List<Map<String, Object>> inputs = new ArrayList<>();
      for (JobDetails.Edge edge : details.edges()) {
        if (edge.target() == vertex.id()) {
          Map<String, Object> input = new LinkedHashMap<>();
          input.put("num", inputs.size());
          input.put("id", String.valueOf(edge.source()));
          input.put("ship_strategy", edge.partitioning());
          input.put("exchange", "pipelined_bounded");
          inputs.add(input);
        }
      }
      Map<String, Object> node = new LinkedHashMap<>();
      node.put("id", String.valueOf(vertex.id()));
      node.put("parallelism", vertex.parallelism());
      node.put("operator", vertex.name());
      node.put("operator_strategy", "");
      node.put("description", vertex.description());
      if (!inputs.isEmpty()) {
        node.put("inputs", inputs);
      }
      node.put("optimizer_properties", Map.of());
      nodes.add(node);
    }
    Map<String, Object> plan = new LinkedHashMap<>();
    plan.put("jid", jobId.toString());
    plan.put("name", name);
    plan.put("type", "STREAMING");
    plan.put("nodes", nodes);
    return plan;
  }

  private void vertexDetails(Context ctx) {
    JobID jobId = JobRoutes.jobId(ctx);
    int vertexId = MetricRoutes.vertexIdOf(ctx);
    responses.reply(ctx, 200, dispatcher.requestJobDetails(jobId).thenCombine(fetcher.store(), (details, store) -> {
      JobDetails.Vertex vertex = MetricRoutes.vertexOf(details, jobId, vertexId);
      return vertexDetails(vertex, details.subtasks(), store.subtasks(jobId.toString(), String.valueOf(vertexId)),
          System.currentTimeMillis());
    }));
  }

  /**
   * Flink's details of {@code vertex}: its subtasks' current attempts with state, TaskManager and times,
   * and the records and bytes each read and wrote as its metrics ({@code metrics}, by subtask) say.
   */
  static Map<String, Object> vertexDetails(JobDetails.Vertex vertex, List<JobDetails.Subtask> attempts,
      Map<Integer, Map<String, Serializable>> metrics, long now) {
    List<Map<String, Object>> subtasks = new ArrayList<>();
    for (JobDetails.Subtask attempt : attempts) {
      if (attempt.vertexId() != vertex.id()) {
        continue;
      }
      Map<String, Serializable> own = metrics.getOrDefault(attempt.index(), Map.of());
      Map<String, Object> io = new LinkedHashMap<>();
      ioMetric(io, "read-bytes", own.get("numBytesIn"));
      ioMetric(io, "write-bytes", own.get("numBytesOut"));
      ioMetric(io, "read-records", own.get("numRecordsIn"));
      ioMetric(io, "write-records", own.get("numRecordsOut"));
      String address = attempt.taskManagerAddress();
      long end = attempt.endTime() > 0 ? attempt.endTime() : -1;
      Map<String, Object> subtask = new LinkedHashMap<>();
      subtask.put("subtask", attempt.index());
      subtask.put("status", attempt.status().name());
      subtask.put("attempt", attempt.attempt());
      subtask.put("endpoint", address);
      subtask.put("host", address == null ? null : hostOf(address));
      subtask.put("start-time", attempt.startTime());
      subtask.put("end-time", end);
      subtask.put("duration", (end > 0 ? end : now) - attempt.startTime());
      subtask.put("metrics", io);
      subtask.put("taskmanager-id", address == null ? null : TaskManagerRoutes.idOf(address));
      subtasks.add(subtask);
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("id", String.valueOf(vertex.id()));
    answer.put("name", vertex.name());
    answer.put("parallelism", vertex.parallelism());
    answer.put("maxParallelism", vertex.maxParallelism());
    answer.put("now", now);
    answer.put("subtasks", subtasks);
    return answer;
  }

  /** Puts {@code name} (0 when unknown) and {@code name-complete} (whether it is known), as Flink does. */
  private static void ioMetric(Map<String, Object> io, String name, Serializable value) {
    Double number = MetricStore.numeric(value);
    io.put(name, number == null ? 0L : number.longValue());
    io.put(name + "-complete", number != null);
  }

  /** The host of a TaskExecutor's RPC address ({@code host:port/name}); {@code localhost} for one in this process. */
  static String hostOf(String address) {
    int colon = address.lastIndexOf(':');
    if (colon < 0) {
      return "localhost";
    }
    String host = address.substring(0, colon);
    int scheme = host.indexOf("://");
    return scheme >= 0 ? host.substring(scheme + 3) : host;
  }

  private void backpressure(Context ctx) {
    JobID jobId = JobRoutes.jobId(ctx);
    int vertexId = MetricRoutes.vertexIdOf(ctx);
    responses.reply(ctx, 200, dispatcher.requestJobDetails(jobId).thenCombine(fetcher.store(), (details, store) -> {
      JobDetails.Vertex vertex = MetricRoutes.vertexOf(details, jobId, vertexId);
      return backpressure(vertex.parallelism(), store.subtasks(jobId.toString(), String.valueOf(vertexId)),
          System.currentTimeMillis());
    }));
  }

  /**
   * Flink's backpressure of a vertex of {@code parallelism} subtasks whose metrics are
   * {@code subtasks}: per subtask the shares of time backpressured, idle and busy (0 while a subtask
   * has no such metric), and the level of the worst.
   */
  static Map<String, Object> backpressure(int parallelism, Map<Integer, Map<String, Serializable>> subtasks,
      long now) {
    List<Map<String, Object>> entries = new ArrayList<>();
    double worst = 0;
    for (int i = 0; i < parallelism; i++) {
      Map<String, Serializable> metrics = subtasks.getOrDefault(i, Map.of());
      double ratio = share(metrics, "backPressuredTimeMsPerSecond");
      worst = Math.max(worst, ratio);
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("subtask", i);
      entry.put("attempt-number", 0);
      entry.put("backpressure-level", level(ratio));
      entry.put("ratio", ratio);
      entry.put("idleRatio", share(metrics, "idleTimeMsPerSecond"));
      entry.put("busyRatio", share(metrics, "busyTimeMsPerSecond"));
      entry.put("other-concurrent-attempts", List.of());
      entries.add(entry);
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("status", "ok");
    answer.put("backpressure-level", level(worst));
    answer.put("end-timestamp", now);
    answer.put("subtasks", entries);
    return answer;
  }

  /** A time metric in ms per second as a share of time between 0 and 1. */
  private static double share(Map<String, Serializable> metrics, String name) {
    Double value = MetricStore.numeric(metrics.get(name));
    return value == null || value.isNaN() ? 0 : Math.max(0, Math.min(1, value / 1000));
  }

  /** Flink's level of a backpressure share: ok, low or high. */
  static String level(double ratio) {
    return ratio <= LOW_BACKPRESSURE ? "ok" : ratio <= HIGH_BACKPRESSURE ? "low" : "high";
  }

  private void watermarks(Context ctx) {
    JobID jobId = JobRoutes.jobId(ctx);
    int vertexId = MetricRoutes.vertexIdOf(ctx);
    responses.reply(ctx, 200, dispatcher.requestJobDetails(jobId).thenCombine(fetcher.store(), (details, store) -> {
      JobDetails.Vertex vertex = MetricRoutes.vertexOf(details, jobId, vertexId);
      Map<String, Serializable> metrics = store.vertex(jobId.toString(), String.valueOf(vertexId));
      List<Map<String, Object>> answer = new ArrayList<>();
      for (int i = 0; i < vertex.parallelism(); i++) {
        String id = i + ".currentInputWatermark";
        Serializable value = metrics.get(id);
        if (value != null) {
          answer.add(Map.of("id", id, "value", String.valueOf(value)));
        }
      }
      return answer;
    }));
  }
}
