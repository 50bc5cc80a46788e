package io.spate.runtime.rest;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.spate.runtime.resourcemanager.RegisteredTaskExecutor;
import io.spate.runtime.resourcemanager.ResourceManagerGateway;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The REST routes under {@code /taskmanagers}: the TaskExecutors, their slots and memory. The
 * TaskExecutors of this server's cluster run in its own JVM, so their memory is that JVM's heap.
 */
final class TaskManagerRoutes {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:\\-\\[\\]]{1,255}");

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
        .filter(te -> te.address().equals(id))
        .findFirst()
        .map(TaskManagerRoutes::describe)
        .orElseThrow(() -> RestException.notFound("No TaskManager with id '" + id + "' is registered with this"
            + " cluster; GET /taskmanagers lists them."))));
  }

  private static Map<String, Object> describe(RegisteredTaskExecutor te) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("id", te.address());
    fields.put("address", te.address());
    fields.put("slots-number", te.numberOfSlots());
    fields.put("free-slots", te.freeSlots());
    fields.put("registered-at", te.registeredAt());
    // In-process TaskExecutors exchange no heartbeats: the ResourceManager sees them as long as the JVM lives.
    fields.put("last-heartbeat", null);
    fields.put("memory", heap());
    return fields;
  }

  private static Map<String, Object> heap() {
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    Map<String, Object> memory = new LinkedHashMap<>();
    memory.put("scope", "jvm");
    memory.put("heap-used", heap.getUsed());
    memory.put("heap-committed", heap.getCommitted());
    memory.put("heap-max", heap.getMax());
    return memory;
  }
}
