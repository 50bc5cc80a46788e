package io.spate.runtime.rest;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.spate.api.common.JobStatus;
import io.spate.runtime.SpateVersion;
import io.spate.runtime.dispatcher.DispatcherGateway;
import io.spate.runtime.dispatcher.JobOverview;
import io.spate.runtime.resourcemanager.RegisteredTaskExecutor;
import io.spate.runtime.resourcemanager.ResourceManagerGateway;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The REST route {@code /overview} of Flink's REST API: the cluster's TaskManagers and slots, and how
 * many jobs are running, finished, cancelled and failed.
 */
final class OverviewRoutes {

  private final DispatcherGateway dispatcher;
  private final ResourceManagerGateway resourceManager;
  private final RestResponses responses;

  OverviewRoutes(DispatcherGateway dispatcher, ResourceManagerGateway resourceManager, RestResponses responses) {
    this.dispatcher = dispatcher;
    this.resourceManager = resourceManager;
    this.responses = responses;
  }

  void register(RoutesConfig routes) {
    routes.get("/overview", this::overview);
  }

  private void overview(Context ctx) {
    responses.reply(ctx, 200, resourceManager.requestTaskExecutors()
        .thenCombine(dispatcher.requestJobOverviews(), OverviewRoutes::describe));
  }

  /** The overview of a cluster with {@code taskExecutors} that knows {@code jobs}, with Flink's keys. */
  static Map<String, Object> describe(List<RegisteredTaskExecutor> taskExecutors, List<JobOverview> jobs) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("taskmanagers", taskExecutors.size());
    fields.put("slots-total", taskExecutors.stream().mapToInt(RegisteredTaskExecutor::numberOfSlots).sum());
    fields.put("slots-available", taskExecutors.stream().mapToInt(RegisteredTaskExecutor::freeSlots).sum());
    fields.put("jobs-running", jobs.stream().filter(job -> !job.status().isTerminal()).count());
    fields.put("jobs-finished", count(jobs, JobStatus.FINISHED));
    fields.put("jobs-cancelled", count(jobs, JobStatus.CANCELED));
    fields.put("jobs-failed", count(jobs, JobStatus.FAILED));
    // Flink's key, so that tools reading it work; the value is Spate's version.
    fields.put("flink-version", SpateVersion.get());
    fields.put("spate-version", SpateVersion.get());
    return fields;
  }

  private static long count(List<JobOverview> jobs, JobStatus status) {
    return jobs.stream().filter(job -> job.status() == status).count();
  }
}
