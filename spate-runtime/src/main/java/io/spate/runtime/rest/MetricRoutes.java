package io.spate.runtime.rest;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.spate.api.common.JobID;
import io.spate.runtime.dispatcher.DispatcherGateway;
import io.spate.runtime.jobmaster.JobDetails;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * The metric routes of Flink's REST API, answered from the {@link MetricStore}: without {@code get} the
 * ids of the available metrics ({@code [{"id": ...}]}), with {@code get=a,b} their values
 * ({@code [{"id": ..., "value": "..."}]}, values as strings as in Flink), and for the aggregating
 * routes {@code [{"id": ..., "min": ..., "max": ..., "avg": ..., "sum": ...}]} over the subtasks or
 * TaskManagers chosen.
 */
final class MetricRoutes {

  private static final List<String> AGGREGATIONS = List.of("min", "max", "avg", "sum");

  private final DispatcherGateway dispatcher;
  private final MetricFetcher fetcher;
  private final RestResponses responses;

  MetricRoutes(DispatcherGateway dispatcher, MetricFetcher fetcher, RestResponses responses) {
    this.dispatcher = dispatcher;
    this.fetcher = fetcher;
    this.responses = responses;
  }

  /** Registers the routes; before the TaskManager routes, so that {@code /taskmanagers/metrics} is not taken for an id. */
  void register(RoutesConfig routes) {
    routes.get("/jobmanager/metrics", this::jobManager);
    routes.get("/taskmanagers/metrics", this::taskManagersAggregated);
    routes.get("/taskmanagers/{taskmanagerid}/metrics", this::taskManager);
    routes.get("/jobs/{jobid}/metrics", this::job);
    routes.get("/jobs/{jobid}/vertices/{vertexid}/metrics", this::vertex);
    routes.get("/jobs/{jobid}/vertices/{vertexid}/subtasks/metrics", this::subtasksAggregated);
    routes.get("/jobs/{jobid}/vertices/{vertexid}/subtasks/{subtaskindex}/metrics", this::subtask);
  }

  private void jobManager(Context ctx) {
    List<String> get = listParam(ctx, "get");
    responses.reply(ctx, 200, fetcher.store().thenApply(store -> values(store.jobManager(), get)));
  }

  private void taskManager(Context ctx) {
    String id = ctx.pathParam("taskmanagerid");
    if (!TaskManagerRoutes.ID.matcher(id).matches()) {
      throw RestException.badRequest("Path parameter 'taskmanagerid' ('" + id + "' in " + ctx.path() + ") is not a"
          + " TaskManager id: an id is 1 to 255 letters, digits and . _ : - [ ] characters, as GET /taskmanagers"
          + " lists them.");
    }
    List<String> get = listParam(ctx, "get");
    responses.reply(ctx, 200, fetcher.store().thenApply(store -> {
      Map<String, Serializable> metrics = store.taskManager(id);
      if (metrics == null) {
        throw RestException.notFound("No TaskManager with id '" + id + "' answered the latest metric fetch; GET"
            + " /taskmanagers lists the registered ones.");
      }
      return values(metrics, get);
    }));
  }

  private void taskManagersAggregated(Context ctx) {
    List<String> get = listParam(ctx, "get");
    List<String> aggregations = aggregations(ctx);
    List<String> chosen = listParam(ctx, "taskmanagers");
    responses.reply(ctx, 200, fetcher.store().thenApply(store -> {
      Map<String, Map<String, Serializable>> all = store.taskManagers();
      Collection<Map<String, Serializable>> selected = chosen == null ? all.values()
          : chosen.stream().map(all::get).filter(java.util.Objects::nonNull).toList();
      return aggregated(selected, get, aggregations);
    }));
  }

  private void job(Context ctx) {
    JobID jobId = JobRoutes.jobId(ctx);
    List<String> get = listParam(ctx, "get");
    responses.reply(ctx, 200, dispatcher.requestJobStatus(jobId).thenCombine(fetcher.store(),
        (status, store) -> values(store.job(jobId.toString()), get)));
  }

  private void vertex(Context ctx) {
    JobID jobId = JobRoutes.jobId(ctx);
    int vertexId = vertexIdOf(ctx);
    List<String> get = listParam(ctx, "get");
    responses.reply(ctx, 200, withVertex(jobId, vertexId, (vertex, store) ->
        values(store.vertex(jobId.toString(), String.valueOf(vertexId)), get)));
  }

  private void subtask(Context ctx) {
    JobID jobId = JobRoutes.jobId(ctx);
    int vertexId = vertexIdOf(ctx);
    int index = intParam(ctx.pathParam("subtaskindex"), "subtaskindex", ctx.path());
    List<String> get = listParam(ctx, "get");
    responses.reply(ctx, 200, withVertex(jobId, vertexId, (vertex, store) -> {
      if (index >= vertex.parallelism()) {
        throw RestException.notFound("Vertex " + vertexId + " of job " + jobId + " has " + vertex.parallelism()
            + " subtasks (0 to " + (vertex.parallelism() - 1) + "); there is no subtask " + index + ".");
      }
      return values(store.subtasks(jobId.toString(), String.valueOf(vertexId)).getOrDefault(index, Map.of()), get);
    }));
  }

  private void subtasksAggregated(Context ctx) {
    JobID jobId = JobRoutes.jobId(ctx);
    int vertexId = vertexIdOf(ctx);
    List<String> get = listParam(ctx, "get");
    List<String> aggregations = aggregations(ctx);
    Set<Integer> chosen = subtaskSet(ctx);
    responses.reply(ctx, 200, withVertex(jobId, vertexId, (vertex, store) -> {
      Map<Integer, Map<String, Serializable>> all = store.subtasks(jobId.toString(), String.valueOf(vertexId));
      List<Map<String, Serializable>> selected = new ArrayList<>();
      all.forEach((index, metrics) -> {
        if (chosen == null || chosen.contains(index)) {
          selected.add(metrics);
        }
      });
      return aggregated(selected, get, aggregations);
    }));
  }

  /** Answers with {@code answer} once the job's details and the store are there; 404 for an unknown vertex. */
  private CompletableFuture<Object> withVertex(JobID jobId, int vertexId,
      java.util.function.BiFunction<JobDetails.Vertex, MetricStore, Object> answer) {
    return dispatcher.requestJobDetails(jobId).thenCombine(fetcher.store(), (details, store) -> {
      JobDetails.Vertex vertex = vertexOf(details, jobId, vertexId);
      return answer.apply(vertex, store);
    });
  }

  /** The vertex {@code vertexId} of the job, or a 404 naming the vertices it has. */
  static JobDetails.Vertex vertexOf(JobDetails details, JobID jobId, int vertexId) {
    return details.vertices().stream().filter(v -> v.id() == vertexId).findFirst().orElseThrow(() ->
        RestException.notFound("Job " + jobId + " has no vertex " + vertexId + "; its vertices are "
            + details.vertices().stream().map(v -> String.valueOf(v.id())).toList() + " (GET /jobs/" + jobId
            + " lists them)."));
  }

  /** The path parameter {@code vertexid}: a vertex id as GET /jobs/{jobid} lists them, a number. */
  static int vertexIdOf(Context ctx) {
    return intParam(ctx.pathParam("vertexid"), "vertexid", ctx.path());
  }

  private static int intParam(String text, String name, String path) {
    try {
      int value = Integer.parseInt(text);
      if (value >= 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw RestException.badRequest("Path parameter '" + name + "' ('" + text + "' in " + path + ") is not a"
        + " non-negative integer.");
  }

  /** The comma-separated values of query parameter {@code name}, blanks dropped; null if it is absent. */
  private static List<String> listParam(Context ctx, String name) {
    List<String> raw = ctx.queryParams(name);
    if (raw.isEmpty()) {
      return null;
    }
    Set<String> values = new LinkedHashSet<>();
    for (String param : raw) {
      for (String part : param.split(",")) {
        if (!part.isBlank()) {
          values.add(part.trim());
        }
      }
    }
    return List.copyOf(values);
  }

  private static List<String> aggregations(Context ctx) {
    List<String> requested = listParam(ctx, "agg");
    if (requested == null || requested.isEmpty()) {
      return AGGREGATIONS;
    }
    for (String aggregation : requested) {
      if (!AGGREGATIONS.contains(aggregation)) {
        throw RestException.badRequest("Query parameter 'agg' has '" + aggregation + "'; the aggregations are "
            + String.join(", ", AGGREGATIONS) + ".");
      }
    }
    return requested;
  }

  /** The subtasks of query parameter {@code subtasks} ({@code 0,2,4-6}), or null for all. */
  private static Set<Integer> subtaskSet(Context ctx) {
    List<String> parts = listParam(ctx, "subtasks");
    if (parts == null) {
      return null;
    }
    Set<Integer> indices = new TreeSet<>();
    for (String part : parts) {
      try {
        int dash = part.indexOf('-', 1);
        if (dash < 0) {
          indices.add(nonNegative(Integer.parseInt(part)));
        } else {
          int from = nonNegative(Integer.parseInt(part.substring(0, dash).trim()));
          int to = nonNegative(Integer.parseInt(part.substring(dash + 1).trim()));
          if (to < from || to - from > 100_000) {
            throw new NumberFormatException();
          }
          for (int i = from; i <= to; i++) {
            indices.add(i);
          }
        }
      } catch (NumberFormatException e) {
        throw RestException.badRequest("Query parameter 'subtasks' has '" + part + "'; expected subtask indices and"
            + " ranges such as 0,2,4-6.");
      }
    }
    return indices;
  }

  private static int nonNegative(int value) {
    if (value < 0) {
      throw new NumberFormatException();
    }
    return value;
  }

  /** The ids of {@code metrics} without {@code get}, else the values of those of its ids it has. */
  static List<Map<String, Object>> values(Map<String, Serializable> metrics, List<String> get) {
    List<Map<String, Object>> answer = new ArrayList<>();
    if (get == null) {
      new TreeSet<>(metrics.keySet()).forEach(id -> answer.add(Map.of("id", id)));
      return answer;
    }
    for (String id : get) {
      Serializable value = metrics.get(id);
      if (value != null) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", id);
        entry.put("value", String.valueOf(value));
        answer.add(entry);
      }
    }
    return answer;
  }

  /**
   * The ids present in any of {@code sources} without {@code get}; else for each requested id found
   * with a numeric value somewhere, the requested aggregations of its numeric values.
   */
  static List<Map<String, Object>> aggregated(Collection<Map<String, Serializable>> sources, List<String> get,
      List<String> aggregations) {
    if (get == null) {
      List<Map<String, Object>> ids = new ArrayList<>();
      MetricStore.ids(sources).forEach(id -> ids.add(Map.of("id", id)));
      return ids;
    }
    List<Map<String, Object>> answer = new ArrayList<>();
    for (String id : get) {
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      double sum = 0;
      int count = 0;
      for (Map<String, Serializable> source : sources) {
        Double value = MetricStore.numeric(source.get(id));
        if (value != null) {
          min = Math.min(min, value);
          max = Math.max(max, value);
          sum += value;
          count++;
        }
      }
      if (count == 0) {
        continue;
      }
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("id", id);
      for (String aggregation : aggregations) {
        entry.put(aggregation, switch (aggregation) {
          case "min" -> min;
          case "max" -> max;
          case "sum" -> sum;
          default -> sum / count;
        });
      }
      answer.add(entry);
    }
    return answer;
  }
}
