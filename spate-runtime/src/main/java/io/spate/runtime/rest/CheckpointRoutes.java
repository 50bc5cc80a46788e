package io.spate.runtime.rest;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.spate.api.checkpoint.CheckpointStatistics;
import io.spate.api.checkpoint.ExternalizedCheckpointRetention;
import io.spate.api.common.JobID;
import io.spate.api.configuration.WebOptions;
import io.spate.runtime.checkpoint.CheckpointDetails;
import io.spate.runtime.checkpoint.CheckpointStatsSnapshot;
import io.spate.runtime.checkpoint.SubtaskCheckpointStatistics;
import io.spate.runtime.checkpoint.barrier.CheckpointSettings;
import io.spate.runtime.dispatcher.DispatcherGateway;
import io.spate.runtime.jobmaster.JobDetails;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * The REST routes of a job's checkpoint details and checkpointing configuration, in Flink's paths and
 * shapes: {@code /jobs/{jobid}/checkpoints/config}, {@code .../details/{checkpointid}} (per vertex) and
 * {@code .../details/{checkpointid}/subtasks/{vertexid}} (per subtask, with a summary).
 */
final class CheckpointRoutes {

  private final DispatcherGateway dispatcher;
  private final RestResponses responses;

  CheckpointRoutes(DispatcherGateway dispatcher, RestResponses responses) {
    this.dispatcher = dispatcher;
    this.responses = responses;
  }

  void register(RoutesConfig routes) {
    routes.get("/jobs/{jobid}/checkpoints/config", this::config);
    routes.get("/jobs/{jobid}/checkpoints/details/{checkpointid}", this::details);
    routes.get("/jobs/{jobid}/checkpoints/details/{checkpointid}/subtasks/{vertexid}", this::subtasks);
  }

  private void config(Context ctx) {
    JobID jobId = JobRoutes.jobId(ctx);
    responses.reply(ctx, 200, dispatcher.requestCheckpointStatsSnapshot(jobId).thenApply(snapshot -> {
      if (!snapshot.settings().isEnabled()) {
        throw RestException.notFound("Checkpointing is not enabled for job " + jobId
            + " (execution.checkpointing.interval is not set).");
      }
      return config(snapshot);
    }));
  }

  /** Flink's checkpointing configuration of a job. */
  static Map<String, Object> config(CheckpointStatsSnapshot snapshot) {
    CheckpointSettings settings = snapshot.settings();
    Map<String, Object> externalization = new LinkedHashMap<>();
    externalization.put("enabled", settings.retention() != ExternalizedCheckpointRetention.NO_EXTERNALIZED_CHECKPOINTS);
    externalization.put("delete_on_cancellation",
        settings.retention() == ExternalizedCheckpointRetention.DELETE_ON_CANCELLATION);
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("mode", settings.exactlyOnce() ? "exactly_once" : "at_least_once");
    fields.put("interval", settings.interval());
    fields.put("timeout", settings.timeoutMillis());
    fields.put("min_pause", settings.minPauseMillis());
    fields.put("max_concurrent", settings.maxConcurrent());
    fields.put("externalization", externalization);
    fields.put("state_backend", backendClass(snapshot.stateBackend()));
    fields.put("checkpoint_storage", settings.checkpointDirectory() == null
        ? "JobManagerCheckpointStorage" : "FileSystemCheckpointStorage");
    fields.put("unaligned_checkpoints", settings.unaligned());
    fields.put("tolerable_failed_checkpoints", settings.tolerableFailures());
    fields.put("aligned_checkpoint_timeout", settings.alignedTimeoutMillis());
    fields.put("checkpoints_after_tasks_finish", settings.afterTasksFinish());
    fields.put("state_changelog_enabled", false);
    fields.put("checkpoint_directory", settings.checkpointDirectory());
    fields.put("savepoint_directory", settings.savepointDirectory());
    fields.put("max_retained_checkpoints", settings.retained());
    return fields;
  }

  /** The class name Flink reports for the backend that {@code state.backend.type} names. */
  private static String backendClass(String type) {
    return switch (type == null ? "" : type.toLowerCase(java.util.Locale.ROOT)) {
      case "hashmap", "" -> "HashMapStateBackend";
      case "rocksdb" -> "EmbeddedRocksDBStateBackend";
      default -> type;
    };
  }

  private void details(Context ctx) {
    JobID jobId = JobRoutes.jobId(ctx);
    long checkpointId = checkpointIdOf(ctx);
    responses.reply(ctx, 200, dispatcher.requestCheckpointStatsSnapshot(jobId)
        .thenCombine(dispatcher.requestJobDetails(jobId), (snapshot, job) ->
            details(find(snapshot, jobId, checkpointId), job)));
  }

  private void subtasks(Context ctx) {
    JobID jobId = JobRoutes.jobId(ctx);
    long checkpointId = checkpointIdOf(ctx);
    int vertexId = MetricRoutes.vertexIdOf(ctx);
    responses.reply(ctx, 200, dispatcher.requestCheckpointStatsSnapshot(jobId)
        .thenCombine(dispatcher.requestJobDetails(jobId), (snapshot, job) -> {
          CheckpointDetails checkpoint = find(snapshot, jobId, checkpointId);
          JobDetails.Vertex vertex = MetricRoutes.vertexOf(job, jobId, vertexId);
          return subtasks(checkpoint, vertex);
        }));
  }

  private static CheckpointDetails find(CheckpointStatsSnapshot snapshot, JobID jobId, long checkpointId) {
    CheckpointDetails checkpoint = snapshot.find(checkpointId);
    if (checkpoint == null) {
      throw RestException.notFound("Job " + jobId + " has no details of checkpoint " + checkpointId + ": details are"
          + " kept for the checkpoints in progress and the latest " + WebOptions.CHECKPOINTS_HISTORY_SIZE.key()
          + " that ended; GET /jobs/" + jobId + "/checkpoints lists the recent ones.");
    }
    return checkpoint;
  }

  /** The path parameter {@code checkpointid}: a checkpoint id, a positive number. */
  static long checkpointIdOf(Context ctx) {
    String text = ctx.pathParam("checkpointid");
    try {
      long id = Long.parseLong(text);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw RestException.badRequest("Path parameter 'checkpointid' ('" + text + "' in " + ctx.path() + ") is not a"
        + " checkpoint id: a checkpoint id is a positive integer.");
  }

  /** Flink's details of one checkpoint: the whole, then one entry per vertex of the job under {@code tasks}. */
  static Map<String, Object> details(CheckpointDetails checkpoint, JobDetails job) {
    CheckpointStatistics statistics = checkpoint.statistics();
    Map<String, Object> fields = checkpointFields(statistics, checkpoint.acknowledged());
    Map<String, Object> tasks = new LinkedHashMap<>();
    for (JobDetails.Vertex vertex : job.vertices()) {
      tasks.put(String.valueOf(vertex.id()), vertexFields(checkpoint, vertex.id()));
    }
    fields.put("tasks", tasks);
    return fields;
  }

  /**
   * Flink's figures of a checkpoint as a whole, as the history and {@code latest} of GET
   * /jobs/{jobid}/checkpoints report them too; {@code acks} may be null when the subtasks' are not kept.
   */
  static Map<String, Object> checkpointFields(CheckpointStatistics statistics, List<SubtaskCheckpointStatistics> acks) {
    Map<String, Object> fields = new LinkedHashMap<>();
    String status = statistics.status().name();
    fields.put("className", switch (statistics.status()) {
      case IN_PROGRESS -> "in_progress";
      case COMPLETED -> "completed";
      case FAILED -> "failed";
    });
    fields.put("id", statistics.checkpointId());
    fields.put("status", status);
    fields.put("is_savepoint", statistics.savepoint());
    fields.put("checkpoint_type", statistics.savepoint() ? "SAVEPOINT" : "CHECKPOINT");
    fields.put("trigger_timestamp", statistics.triggerTimestamp());
    long latestAck = acks == null || acks.isEmpty()
        ? statistics.triggerTimestamp() + statistics.durationMillis()
        : acks.stream().mapToLong(SubtaskCheckpointStatistics::ackTimestamp).max().getAsLong();
    fields.put("latest_ack_timestamp", latestAck);
    fields.put("checkpointed_size", statistics.checkpointedSize());
    fields.put("state_size", statistics.stateSize());
    fields.put("end_to_end_duration", statistics.durationMillis());
    fields.put("alignment_buffered", 0L);
    fields.put("processed_data", 0L);
    fields.put("persisted_data", statistics.persistedInFlightBytes());
    fields.put("num_subtasks", statistics.totalSubtasks());
    fields.put("num_acknowledged_subtasks", statistics.acknowledgedSubtasks());
    fields.put("external_path", statistics.externalPath());
    fields.put("discarded", false);
    if (statistics.status() == CheckpointStatistics.Status.FAILED) {
      fields.put("failure_timestamp", statistics.triggerTimestamp() + statistics.durationMillis());
      fields.put("failure_message", statistics.failureReason());
    }
    return fields;
  }

  /** Flink's figures of one vertex's part of a checkpoint. */
  private static Map<String, Object> vertexFields(CheckpointDetails checkpoint, int vertexId) {
    CheckpointStatistics statistics = checkpoint.statistics();
    List<SubtaskCheckpointStatistics> acks = acksOf(checkpoint, vertexId);
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("id", String.valueOf(vertexId));
    fields.put("status", statistics.status().name());
    long latestAck = acks.stream().mapToLong(SubtaskCheckpointStatistics::ackTimestamp).max().orElse(-1);
    fields.put("latest_ack_timestamp", latestAck);
    fields.put("checkpointed_size", sum(acks, SubtaskCheckpointStatistics::checkpointedSize));
    fields.put("state_size", sum(acks, SubtaskCheckpointStatistics::stateSize));
    fields.put("end_to_end_duration", latestAck < 0 ? -1 : Math.max(0, latestAck - statistics.triggerTimestamp()));
    fields.put("alignment_buffered", 0L);
    fields.put("processed_data", 0L);
    fields.put("persisted_data", sum(acks, SubtaskCheckpointStatistics::persistedInFlightBytes));
    fields.put("num_subtasks", checkpoint.subtasksByVertex().getOrDefault(vertexId, 0));
    fields.put("num_acknowledged_subtasks", acks.size());
    return fields;
  }

  /** Flink's per-subtask details of one vertex's part of a checkpoint, with their minimum, maximum and average. */
  static Map<String, Object> subtasks(CheckpointDetails checkpoint, JobDetails.Vertex vertex) {
    long trigger = checkpoint.statistics().triggerTimestamp();
    List<SubtaskCheckpointStatistics> acks = acksOf(checkpoint, vertex.id());
    Map<String, Object> fields = vertexFields(checkpoint, vertex.id());
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("checkpointed_size", CheckpointSummary.of(acks, SubtaskCheckpointStatistics::checkpointedSize));
    summary.put("state_size", CheckpointSummary.of(acks, SubtaskCheckpointStatistics::stateSize));
    summary.put("end_to_end_duration", CheckpointSummary.of(acks, ack -> Math.max(0, ack.ackTimestamp() - trigger)));
    summary.put("checkpoint_duration", Map.of(
        "sync", CheckpointSummary.of(acks, SubtaskCheckpointStatistics::syncMillis),
        "async", CheckpointSummary.of(acks, SubtaskCheckpointStatistics::asyncMillis)));
    Map<String, Object> alignment = new LinkedHashMap<>();
    alignment.put("buffered", CheckpointSummary.of(acks, ack -> 0L));
    alignment.put("processed", CheckpointSummary.of(acks, ack -> 0L));
    alignment.put("persisted", CheckpointSummary.of(acks, SubtaskCheckpointStatistics::persistedInFlightBytes));
    alignment.put("duration", CheckpointSummary.of(acks, SubtaskCheckpointStatistics::alignmentMillis));
    summary.put("alignment", alignment);
    summary.put("start_delay", CheckpointSummary.of(acks, ack -> Math.max(0, ack.startDelayMillis())));
    fields.put("summary", summary);
    Map<Integer, SubtaskCheckpointStatistics> byIndex = new java.util.TreeMap<>();
    acks.forEach(ack -> byIndex.put(ack.subtaskIndex(), ack));
    int count = Math.max(vertex.parallelism(), checkpoint.subtasksByVertex().getOrDefault(vertex.id(), 0));
    List<Map<String, Object>> subtasks = new ArrayList<>();
    for (int index = 0; index < count; index++) {
      SubtaskCheckpointStatistics ack = byIndex.get(index);
      subtasks.add(ack == null ? pendingSubtask(index, checkpoint) : subtask(ack, trigger));
    }
    fields.put("subtasks", subtasks);
    return fields;
  }

  private static Map<String, Object> pendingSubtask(int index, CheckpointDetails checkpoint) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("index", index);
    fields.put("status", "pending_or_failed");
    fields.put("aborted", checkpoint.statistics().status() == CheckpointStatistics.Status.FAILED);
    return fields;
  }

  private static Map<String, Object> subtask(SubtaskCheckpointStatistics ack, long trigger) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("index", ack.subtaskIndex());
    fields.put("status", "completed");
    fields.put("ack_timestamp", ack.ackTimestamp());
    fields.put("end_to_end_duration", Math.max(0, ack.ackTimestamp() - trigger));
    fields.put("state_size", ack.stateSize());
    fields.put("checkpointed_size", ack.checkpointedSize());
    fields.put("checkpoint", Map.of("sync", ack.syncMillis(), "async", ack.asyncMillis()));
    Map<String, Object> alignment = new LinkedHashMap<>();
    alignment.put("buffered", 0L);
    alignment.put("processed", 0L);
    alignment.put("persisted", ack.persistedInFlightBytes());
    alignment.put("duration", ack.alignmentMillis());
    fields.put("alignment", alignment);
    fields.put("start_delay", ack.startDelayMillis());
    fields.put("unaligned_checkpoint", ack.unaligned());
    fields.put("aborted", false);
    return fields;
  }

  private static List<SubtaskCheckpointStatistics> acksOf(CheckpointDetails checkpoint, int vertexId) {
    return checkpoint.acknowledged().stream().filter(ack -> ack.vertexId() == vertexId).toList();
  }

  private static long sum(List<SubtaskCheckpointStatistics> acks, ToLongFunction<SubtaskCheckpointStatistics> value) {
    return acks.stream().mapToLong(value).sum();
  }
}
