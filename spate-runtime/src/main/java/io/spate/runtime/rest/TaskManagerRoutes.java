package io.spate.runtime.rest;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.spate.runtime.resourcemanager.RegisteredTaskExecutor;
import io.spate.runtime.taskexecutor.gateway.SlotReport;
import io.spate.runtime.resourcemanager.ResourceManagerGateway;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The REST routes under {@code /taskmanagers}: the TaskExecutors, their slots and memory. Each
 * TaskExecutor's memory is the heap of its JVM as its latest heartbeat reported it (null before it).
 */
final class TaskManagerRoutes {

  static final Pattern ID = Pattern.compile("[A-Za-z0-9._:\\-\\[\\]]{1,255}");

  private final ResourceManagerGateway resourceManager;
  private final RestResponses responses;

  TaskManagerRoutes(ResourceManagerGateway resourceManager, RestResponses responses) {
    this.resourceManager = resourceManager;
    this.responses = responses;
  }

  void register(RoutesConfig routes) {
    routes.get("/taskmanagers", this::list);
    routes.get("/taskmanagers/{taskmanagerid}", this::details);
  }

  private void list(Context ctx) {
    responses.reply(ctx, 200, resourceManager.requestTaskExecutors().thenApply(all -> Map.of("taskmanagers",
        all.stream().map(TaskManagerRoutes::describe).toList())));
  }

  private void details(Context ctx) {
    String id = ctx.pathParam("taskmanagerid");
    if (!ID.matcher(id).matches()) {
      throw RestException.badRequest("'" + id + "' in " + ctx.path() + " is not a TaskManager id: an id is 1 to 255"
          + " letters, digits and . _ : - [ ] characters, as GET /taskmanagers lists them.");
    }
    responses.reply(ctx, 200, resourceManager.requestTaskExecutors().thenApply(all -> all.stream()
        .filter(te -> idOf(te).equals(id) || te.address().equals(id))
        .findFirst()
        .map(TaskManagerRoutes::describe)
        .orElseThrow(() -> RestException.notFound("No TaskManager with id '" + id + "' is registered with this"
            + " cluster; GET /taskmanagers lists them."))));
  }

  private static Map<String, Object> describe(RegisteredTaskExecutor te) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("id", idOf(te));
    fields.put("address", te.address());
    fields.put("slots-number", te.numberOfSlots());
    fields.put("free-slots", te.freeSlots());
    fields.put("registered-at", te.registeredAt());
    SlotReport last = te.lastHeartbeat();
    fields.put("last-heartbeat", last == null ? null : te.lastHeartbeatAt());
    fields.put("memory", last == null ? null : heap(last));
    return fields;
  }

  /**
   * The id of a TaskExecutor in paths: the name its address ends with ({@code host:port/name} of a
   * TaskManager process has a slash, which a path segment cannot hold).
   */
  static String idOf(RegisteredTaskExecutor te) {
    return te.address().substring(te.address().lastIndexOf('/') + 1);
  }

  /** The id in paths of the TaskExecutor at {@code address}, as for a registered one. */
  static String idOf(String address) {
    return address.substring(address.lastIndexOf('/') + 1);
  }

  /** The heap of the TaskExecutor's JVM, as its latest heartbeat reported it. */
  private static Map<String, Object> heap(SlotReport report) {
    Map<String, Object> memory = new LinkedHashMap<>();
    memory.put("scope", "jvm");
    memory.put("heap-used", report.heapUsed());
    memory.put("heap-committed", report.heapCommitted());
    memory.put("heap-max", report.heapMax());
    return memory;
  }
}
