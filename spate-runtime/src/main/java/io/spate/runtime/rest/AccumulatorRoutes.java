package io.spate.runtime.rest;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.spate.api.common.JobID;
import io.spate.runtime.dispatcher.DispatcherGateway;
import io.spate.runtime.jobmaster.JobAccumulators;
import io.spate.runtime.jobmaster.JobDetails;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The REST routes of a job's user accumulators in Flink's paths and shapes: the job's, a vertex's, and
 * a vertex's per subtask; current values while the job runs, final values once it ended.
 */
final class AccumulatorRoutes {

  private final DispatcherGateway dispatcher;
  private final RestResponses responses;

  AccumulatorRoutes(DispatcherGateway dispatcher, RestResponses responses) {
    this.dispatcher = dispatcher;
    this.responses = responses;
  }

  void register(RoutesConfig routes) {
    routes.get("/jobs/{jobid}/accumulators", this::job);
    routes.get("/jobs/{jobid}/vertices/{vertexid}/accumulators", this::vertex);
    routes.get("/jobs/{jobid}/vertices/{vertexid}/subtasks/accumulators", this::subtasks);
  }

  private void job(Context ctx) {
    JobID jobId = JobRoutes.jobId(ctx);
    responses.reply(ctx, 200, dispatcher.requestAccumulators(jobId).thenApply(accumulators -> {
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("job-accumulators", List.of());
      fields.put("user-task-accumulators", values(accumulators.job()));
      fields.put("serialized-user-task-accumulators", Map.of());
      return fields;
    }));
  }

  private void vertex(Context ctx) {
    JobID jobId = JobRoutes.jobId(ctx);
    int vertexId = MetricRoutes.vertexIdOf(ctx);
    responses.reply(ctx, 200, dispatcher.requestJobDetails(jobId).thenCombine(dispatcher.requestAccumulators(jobId),
        (details, accumulators) -> {
          JobDetails.Vertex vertex = MetricRoutes.vertexOf(details, jobId, vertexId);
          Map<String, Object> fields = new LinkedHashMap<>();
          fields.put("id", String.valueOf(vertex.id()));
          fields.put("user-accumulators", values(accumulators.byVertex().getOrDefault(vertex.id(), List.of())));
          return fields;
        }));
  }

  private void subtasks(Context ctx) {
    JobID jobId = JobRoutes.jobId(ctx);
    int vertexId = MetricRoutes.vertexIdOf(ctx);
    responses.reply(ctx, 200, dispatcher.requestJobDetails(jobId).thenCombine(dispatcher.requestAccumulators(jobId),
        (details, accumulators) -> subtasks(MetricRoutes.vertexOf(details, jobId, vertexId), details, accumulators)));
  }

  /** Flink's per-subtask accumulators of {@code vertex}: one entry for each of its current subtasks. */
  static Map<String, Object> subtasks(JobDetails.Vertex vertex, JobDetails details, JobAccumulators accumulators) {
    Map<Integer, List<JobAccumulators.Value>> own = accumulators.bySubtask().getOrDefault(vertex.id(), Map.of());
    List<Map<String, Object>> subtasks = new ArrayList<>();
    for (JobDetails.Subtask attempt : details.subtasks()) {
      if (attempt.vertexId() != vertex.id()) {
        continue;
      }
      String address = attempt.taskManagerAddress();
      Map<String, Object> subtask = new LinkedHashMap<>();
      subtask.put("subtask", attempt.index());
      subtask.put("attempt", attempt.attempt());
      subtask.put("endpoint", address);
      subtask.put("host", address == null ? null : VertexRoutes.hostOf(address));
      subtask.put("user-accumulators", values(own.getOrDefault(attempt.index(), List.of())));
      subtasks.add(subtask);
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("id", String.valueOf(vertex.id()));
    fields.put("parallelism", vertex.parallelism());
    fields.put("subtasks", subtasks);
    return fields;
  }

  private static List<Map<String, Object>> values(List<JobAccumulators.Value> values) {
    List<Map<String, Object>> answer = new ArrayList<>();
    for (JobAccumulators.Value value : values) {
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("name", value.name());
      fields.put("type", value.type());
      fields.put("value", value.value());
      answer.add(fields);
    }
    return answer;
  }
}
