package io.spate.runtime.rest;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.spate.api.checkpoint.CheckpointStatistics;
import io.spate.api.checkpoint.RestoredCheckpoint;
import io.spate.runtime.checkpoint.CheckpointStatsSnapshot;
import io.spate.api.common.JobID;
import io.spate.runtime.dispatcher.DispatcherGateway;
import io.spate.runtime.dispatcher.JobOverview;
import io.spate.runtime.jobmaster.ExceptionHistoryEntry;
import io.spate.runtime.jobmaster.JobDetails;
import io.spate.runtime.jobmaster.FailureLocation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The REST routes under {@code /jobs}: listings, details, cancellation, checkpoints, savepoints and
 * the exception history.
 */
final class JobRoutes {

  private final DispatcherGateway dispatcher;
  private final JsonBodyReader bodies;
  private final RestResponses responses;
  private final SavepointOperations savepoints;

  JobRoutes(DispatcherGateway dispatcher, JsonBodyReader bodies, RestResponses responses,
      SavepointOperations savepoints) {
    this.dispatcher = dispatcher;
    this.savepoints = savepoints;
    this.bodies = bodies;
    this.responses = responses;
  }

  void register(RoutesConfig routes) {
    routes.get("/jobs", this::listJobs);
    routes.get("/jobs/overview", this::overview);
    routes.get("/jobs/{jobid}", this::jobDetails);
    routes.patch("/jobs/{jobid}", this::cancel);
    routes.get("/jobs/{jobid}/checkpoints", this::checkpoints);
    routes.get("/jobs/{jobid}/exceptions", this::exceptions);
    routes.get("/jobs/{jobid}/config", this::config);
    routes.post("/jobs/{jobid}/savepoints", this::triggerSavepoint);
    routes.get("/jobs/{jobid}/savepoints/{requestid}", this::savepointStatus);
    routes.post("/jobs/{jobid}/stop", this::stopWithSavepoint);
  }

  private void listJobs(Context ctx) {
    responses.reply(ctx, 200, dispatcher.requestJobOverviews().thenApply(jobs -> Map.of("jobs",
        jobs.stream().map(job -> Map.of("id", job.jobId().toString(), "status", job.status().name())).toList())));
  }

  private void overview(Context ctx) {
    responses.reply(ctx, 200, dispatcher.requestJobOverviews()
        .thenApply(jobs -> Map.of("jobs", jobs.stream().map(JobRoutes::describe).toList())));
  }

  private void jobDetails(Context ctx) {
    JobID jobId = jobId(ctx);
    responses.reply(ctx, 200, dispatcher.requestJobOverviews().thenApply(jobs -> jobs.stream()
        .filter(job -> job.jobId().equals(jobId))
        .findFirst()
        .map(JobRoutes::describe)
        .orElseThrow(() -> RestException.notFound(unknownJob(jobId))))
        .thenCombine(dispatcher.requestJobDetails(jobId), (fields, details) -> {
          Map<String, Object> all = new LinkedHashMap<>(fields);
          all.put("vertices", details.vertices().stream().map(JobRoutes::describe).toList());
          all.put("edges", details.edges().stream().map(edge -> Map.of("source", edge.source(), "target",
              edge.target(), "partitioning", edge.partitioning())).toList());
          return all;
        }));
  }

  private static Map<String, Object> describe(JobDetails.Vertex vertex) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("id", vertex.id());
    fields.put("name", vertex.name());
    fields.put("parallelism", vertex.parallelism());
    fields.put("max-parallelism", vertex.maxParallelism());
    fields.put("status", vertex.status().name());
    Map<String, Integer> tasks = new LinkedHashMap<>();
    vertex.subtasks().forEach((state, count) -> tasks.put(state.name(), count));
    fields.put("tasks", tasks);
    fields.put("description", vertex.description());
    return fields;
  }

  private void cancel(Context ctx) {
    JobID jobId = jobId(ctx);
    String mode = ctx.queryParam("mode");
    if (mode != null && !mode.equals("cancel")) {
      throw RestException.badRequest("Query parameter 'mode' of PATCH /jobs/" + jobId + " is '" + mode
          + "'; the only mode is 'cancel'.");
    }
    // An ended job cannot be cancelled; saying 202 would tell the client it was (Flink answers 409 too).
    responses.reply(ctx, 202, dispatcher.requestJobStatus(jobId).thenCompose(status -> {
      if (status.isTerminal()) {
        throw new RestException(409, "Job " + jobId + " has already ended (" + status + "); only a job that has not"
            + " ended can be cancelled.");
      }
      return dispatcher.cancelJob(jobId);
    }).thenApply(done -> Map.of()));
  }

  private void checkpoints(Context ctx) {
    JobID jobId = jobId(ctx);
    responses.reply(ctx, 200, dispatcher.requestCheckpointStatistics(jobId)
        .thenCombine(dispatcher.requestLatestRestore(jobId), (history, restore) -> {
          Map<String, Object> latest = new LinkedHashMap<>();
          latest.put("restored", restore == null ? null : restored(restore));
          Map<String, Object> fields = new LinkedHashMap<>();
          fields.put("history", history);
          fields.put("counts", Map.of("restored", restore == null ? 0 : restore.restoreCount()));
          fields.put("latest", latest);
          return fields;
        }).thenCombine(dispatcher.requestCheckpointStatsSnapshot(jobId), JobRoutes::addCountsAndSummary));
  }

  /**
   * Adds Flink's counts since the job started, the summary of the completed checkpoints in the history,
   * and the latest completed checkpoint, savepoint (kept apart from the short history) and failure.
   */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> addCountsAndSummary(Map<String, Object> fields, CheckpointStatsSnapshot snapshot) {
    List<CheckpointStatistics> history = (List<CheckpointStatistics>) fields.get("history");
    Map<String, Object> counts = new LinkedHashMap<>((Map<String, Object>) fields.get("counts"));
    counts.put("total", snapshot.completed() + snapshot.failed() + snapshot.inProgress());
    counts.put("in_progress", snapshot.inProgress());
    counts.put("completed", snapshot.completed());
    counts.put("failed", snapshot.failed());
    fields.put("counts", counts);
    List<CheckpointStatistics> completed = history.stream()
        .filter(c -> c.status() == CheckpointStatistics.Status.COMPLETED).toList();
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("checkpointed_size", CheckpointSummary.of(completed, CheckpointStatistics::checkpointedSize));
    summary.put("state_size", CheckpointSummary.of(completed, CheckpointStatistics::stateSize));
    summary.put("end_to_end_duration", CheckpointSummary.of(completed, CheckpointStatistics::durationMillis));
    summary.put("alignment_buffered", CheckpointSummary.of(completed, c -> 0L));
    summary.put("processed_data", CheckpointSummary.of(completed, c -> 0L));
    summary.put("persisted_data", CheckpointSummary.of(completed, CheckpointStatistics::persistedInFlightBytes));
    fields.put("summary", summary);
    Map<String, Object> latest = new LinkedHashMap<>();
    latest.put("completed", newest(history, c -> !c.savepoint() && c.status() == CheckpointStatistics.Status.COMPLETED));
    CheckpointStatistics savepoint = snapshot.latestSavepoint();
    latest.put("savepoint", savepoint == null ? null : CheckpointRoutes.checkpointFields(savepoint, null));
    latest.put("failed", newest(history, c -> c.status() == CheckpointStatistics.Status.FAILED));
    latest.putAll((Map<String, Object>) fields.get("latest"));
    fields.put("latest", latest);
    return fields;
  }

  private static Map<String, Object> newest(List<CheckpointStatistics> history,
      java.util.function.Predicate<CheckpointStatistics> which) {
    CheckpointStatistics newest = null;
    for (CheckpointStatistics checkpoint : history) {
      if (which.test(checkpoint) && (newest == null || checkpoint.checkpointId() > newest.checkpointId())) {
        newest = checkpoint;
      }
    }
    return newest == null ? null : CheckpointRoutes.checkpointFields(newest, null);
  }

  private static Map<String, Object> restored(RestoredCheckpoint restore) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("id", restore.checkpointId());
    fields.put("is_savepoint", restore.savepoint());
    fields.put("restore_timestamp", restore.restoreTimestamp());
    return fields;
  }

  private void config(Context ctx) {
    JobID jobId = jobId(ctx);
    responses.reply(ctx, 200, dispatcher.requestJobConfig(jobId).thenApply(config -> {
      Map<String, Object> execution = new LinkedHashMap<>();
      execution.put("execution-mode", config.executionMode());
      execution.put("restart-strategy", config.restartStrategy());
      execution.put("job-parallelism", config.parallelism());
      execution.put("object-reuse-mode", config.objectReuse());
      execution.put("user-config", config.userConfig());
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("jid", jobId.toString());
      fields.put("name", config.jobName());
      fields.put("execution-config", execution);
      return fields;
    }));
  }

  private void exceptions(Context ctx) {
    responses.reply(ctx, 200, dispatcher.requestExceptionHistory(jobId(ctx))
        .thenApply(entries -> Map.of("entries", entries.stream().map(JobRoutes::describe).toList())));
  }

  private static Map<String, Object> describe(ExceptionHistoryEntry entry) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("timestamp", entry.timestamp());
    fields.put("exception-class", entry.rootCauseClass());
    fields.put("message", entry.rootCauseMessage());
    fields.put("description", entry.description());
    fields.put("stacktrace", entry.stackTrace());
    FailureLocation location = entry.location();
    fields.put("task", location == null ? null : location.task());
    fields.put("operator", location == null ? null : location.operator());
    fields.put("subtask", location == null ? null : location.subtaskIndex());
    fields.put("attempt", location == null ? null : location.attempt());
    fields.put("taskmanager-id", location == null ? null : location.taskManager());
    fields.put("outcome", entry.outcome().name());
    return fields;
  }

  private void triggerSavepoint(Context ctx) {
    JobID jobId = jobId(ctx);
    RequestBody body = RequestBody.parse(bodies, ctx, "POST /jobs/" + jobId + "/savepoints",
        Set.of("target-directory", "cancel-job"));
    String target = body.optionalString("target-directory");
    boolean cancel = body.optionalBoolean("cancel-job", false);
    startSavepoint(ctx, jobId, target, cancel, false);
  }

  private void stopWithSavepoint(Context ctx) {
    JobID jobId = jobId(ctx);
    RequestBody body = RequestBody.parse(bodies, ctx, "POST /jobs/" + jobId + "/stop",
        Set.of("targetDirectory", "drain"));
    startSavepoint(ctx, jobId, body.optionalString("targetDirectory"), true, body.optionalBoolean("drain", false));
  }

  /** Checks that the job exists, then triggers and answers at once with the id to poll. */
  private void startSavepoint(Context ctx, JobID jobId, String target, boolean stop, boolean drain) {
    responses.reply(ctx, 202, dispatcher.requestJobStatus(jobId).thenApply(status -> {
      CompletableFuture<String> outcome = dispatcher.triggerSavepoint(jobId, target, stop, drain);
      return Map.of("request-id", savepoints.register(jobId, outcome));
    }));
  }

  private void savepointStatus(Context ctx) {
    JobID jobId = jobId(ctx);
    String requestId = ctx.pathParam("requestid");
    SavepointOperations.Operation operation = savepoints.get(jobId, requestId);
    if (operation == null) {
      throw RestException.notFound("No savepoint request " + requestId + " of job " + jobId
          + " is known (request ids come from POST /jobs/" + jobId + "/savepoints or /stop).");
    }
    CompletableFuture<String> outcome = operation.outcome();
    Map<String, Object> reply = new LinkedHashMap<>();
    if (!outcome.isDone()) {
      reply.put("status", Map.of("id", "IN_PROGRESS"));
    } else {
      reply.put("status", Map.of("id", "COMPLETED"));
      reply.put("operation", outcome.handle((path, error) -> error == null
          ? Map.of("location", path)
          : Map.of("failure-cause", RestResponses.describeFailure(error))).join());
    }
    responses.write(ctx, 200, reply);
    if (outcome.isDone()) {
      savepoints.reported(requestId);
    }
  }

  private static Map<String, Object> describe(JobOverview job) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("jid", job.jobId().toString());
    fields.put("name", job.jobName());
    fields.put("state", job.status().name());
    fields.put("start-time", job.submittedAt());
    fields.put("duration", job.elapsed().toMillis());
    fields.put("records-processed", job.recordsProcessed());
    return fields;
  }

  static JobID jobId(Context ctx) {
    String text = ctx.pathParam("jobid");
    try {
      return JobID.fromHexString(text);
    } catch (IllegalArgumentException e) {
      throw RestException.badRequest("'" + text + "' in " + ctx.path() + " is not a job id: a job id is 32"
          + " hexadecimal digits.");
    }
  }

  private static String unknownJob(JobID jobId) {
    return "No job with id " + jobId + " is known to this cluster.";
  }
}
