package io.spate.runtime.resourcemanager;

import io.spate.api.common.JobID;
import io.spate.api.configuration.JobManagerOptions;
import io.spate.runtime.heartbeat.HeartbeatMonitor;
import io.spate.runtime.heartbeat.HeartbeatSettings;
import io.spate.runtime.taskexecutor.gateway.SlotReport;
import io.spate.runtime.taskexecutor.gateway.TaskExecutorGateway;
import io.spate.runtime.rpc.RpcEndpoint;
import io.spate.runtime.rpc.RpcService;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CompletionException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps track of the TaskExecutors' slots and hands them to jobs. A request the cluster could never
 * serve fails at once; one that only has to wait for other jobs to give slots back waits, first come
 * first served, up to the slot request timeout. It asks every registered TaskExecutor for a heartbeat
 * every {@code heartbeat.interval}; one that has not answered for {@code heartbeat.timeout} is
 * removed with its slots, and the JobMasters that held slots there are told.
 */
public final class ResourceManager extends RpcEndpoint implements ResourceManagerGateway {

  /** The name under which a JobManager serves its ResourceManager: TaskManagers join {@code host:port/resourcemanager}. */
  public static final String ENDPOINT_NAME = "resourcemanager";


  /** How long a slot request waits for busy slots: the default of {@code slot.request.timeout} (Flink's as well). */
  public static final Duration SLOT_REQUEST_TIMEOUT = JobManagerOptions.SLOT_REQUEST_TIMEOUT.defaultValue();

  private static final int MAX_WAITING_REQUESTS = 1024;

  private static final Logger LOG = LoggerFactory.getLogger(ResourceManager.class);
  // A metric query waits this long for a TaskExecutor; a slow one is left out rather than holding up the answer.
  private static final Duration METRIC_DUMP_TIMEOUT = Duration.ofSeconds(5);

  private record WaitingRequest(JobID jobId, int count, CompletableFuture<List<SlotOffer>> result) {}

  private final Map<String, JobID[]> slotsByTaskExecutor = new LinkedHashMap<>();
  private final Map<String, Long> registrationTimes = new LinkedHashMap<>();
  private final Map<String, InetSocketAddress> dataAddresses = new LinkedHashMap<>();
  private record TimedReport(SlotReport report, long receivedAt) {}

  // The latest heartbeat answer of each registered TaskExecutor; entries leave with it.
  private final Map<String, TimedReport> lastReports = new HashMap<>();
  // Registered TaskExecutors' gateways, for the heartbeats; entries leave with their TaskExecutor.
  private final Map<String, CompletableFuture<TaskExecutorGateway>> gateways = new HashMap<>();
  // The JobMaster of each job that holds or waits for slots, to tell it when a TaskExecutor is lost.
  private final Map<JobID, String> jobMasters = new HashMap<>();
  private final ArrayDeque<WaitingRequest> waiting = new ArrayDeque<>();
  private final HeartbeatMonitor<SlotReport> heartbeats;
  private final HeartbeatSettings heartbeatSettings;
  private final long startedNanos = System.nanoTime();
  private volatile Duration startUpTime = Duration.ZERO;

  /**
   * For {@code time} after this ResourceManager started, a request for more slots than all registered
   * TaskExecutors have waits for more of them to register (as a slot request for busy slots waits)
   * rather than failing at once; call before requests arrive.
   */
  public void awaitTaskExecutorsAtStartUp(Duration time) {
    this.startUpTime = time;
  }

  /** Creates the ResourceManager with the default {@code heartbeat.*} settings. */
  public ResourceManager(RpcService rpcService, String address) {
    this(rpcService, address, HeartbeatSettings.DEFAULT);
  }

  /**
   * Creates the ResourceManager; requests for busy slots wait up to {@link #SLOT_REQUEST_TIMEOUT},
   * and TaskExecutors are watched with {@code heartbeat}.
   */
  public ResourceManager(RpcService rpcService, String address, HeartbeatSettings heartbeat) {
    super(rpcService, address);
    this.heartbeatSettings = heartbeat;
    this.heartbeats = new HeartbeatMonitor<>(heartbeat, this::scheduleRunAsync, getMainThreadExecutor(),
        HeartbeatMonitor::monotonicMillis,
        taskExecutor -> gateway(taskExecutor)
            .thenCompose(gateway -> gateway.heartbeatFromResourceManager(externalAddress())),
        new HeartbeatMonitor.Listener<>() {
          @Override
          public void heartbeatReceived(String taskExecutor, SlotReport report) {
            if (report != null && slotsByTaskExecutor.containsKey(taskExecutor)) {
              lastReports.put(taskExecutor, new TimedReport(report, System.currentTimeMillis()));
            }
          }

          @Override
          public void targetLost(String taskExecutor, long silentMillis) {
            String reason = "no heartbeat for " + heartbeat.timeoutMillis() + " ms";
            CompletableFuture<TaskExecutorGateway> gateway = gateways.get(taskExecutor);
            taskExecutorLost(taskExecutor, reason);
            if (gateway != null) {
              // It may only have been slow: its tasks are restarted elsewhere, so it must stop them and
              // register again. A dead one never gets this, which is fine.
              gateway.thenAccept(g -> g.disconnectResourceManager(externalAddress(), reason));
            }
          }
        });
    runAsync(heartbeats::start);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Registering again is harmless: the TaskExecutor stays one TaskExecutor. Because a
   * TaskExecutor registers again only after it lost its ResourceManager and cancelled its tasks, a
   * second registration frees all its slots, and the JobMasters that held slots there are told.
   */
  @Override
  public CompletableFuture<Void> registerTaskExecutor(String address, int numberOfSlots,
      InetSocketAddress dataAddress) {
    return callAsync(() -> {
      if (numberOfSlots < 1) {
        throw new IllegalArgumentException("TaskExecutor " + address + " offers " + numberOfSlots + " slots; at least 1 is needed");
      }
      if (slotsByTaskExecutor.containsKey(address)) {
        disconnectJobs(address, slotsByTaskExecutor.get(address), "it registered again, so the tasks it ran are gone");
      }
      slotsByTaskExecutor.put(address, new JobID[numberOfSlots]);
      gateways.remove(address); // a new process may answer at the address now
      lastReports.remove(address);
      registrationTimes.put(address, System.currentTimeMillis());
      heartbeats.monitorTarget(address);
      if (dataAddress != null) {
        dataAddresses.put(address, dataAddress);
      } else {
        dataAddresses.remove(address);
      }
      serveWaiting();
      return null;
    });
  }

  /** No heartbeat from {@code address}: its slots are gone and the jobs that held them are told. */
  /**
   * The gateway of a registered TaskExecutor, connected once (a connect is a round trip to another
   * process) and again after a failed attempt; main thread only.
   */
  private CompletableFuture<TaskExecutorGateway> gateway(String taskExecutor) {
    CompletableFuture<TaskExecutorGateway> gateway = gateways.get(taskExecutor);
    if (gateway == null || gateway.isCompletedExceptionally()) {
      gateway = rpcService.connect(taskExecutor, TaskExecutorGateway.class);
      gateways.put(taskExecutor, gateway);
    }
    return gateway;
  }

  private void taskExecutorLost(String address, String reason) {
    gateways.remove(address);
    lastReports.remove(address);
    JobID[] slots = slotsByTaskExecutor.remove(address);
    registrationTimes.remove(address);
    dataAddresses.remove(address);
    if (slots == null) {
      return;
    }
    LOG.warn("TaskExecutor {} was lost: {}; its {} slots are released", address, reason, slots.length);
    disconnectJobs(address, slots, reason);
  }

  private void disconnectJobs(String taskExecutor, JobID[] slots, String reason) {
    Set<JobID> jobs = new LinkedHashSet<>();
    for (JobID slot : slots) {
      if (slot != null) {
        jobs.add(slot);
      }
    }
    for (JobID job : jobs) {
      String jobMaster = jobMasters.get(job);
      if (jobMaster != null) {
        rpcService.connect(jobMaster, SlotOwnerGateway.class).whenComplete((gateway, error) -> {
          if (error != null) {
            LOG.warn("Cannot tell the JobMaster {} of job {} that TaskExecutor {} was lost: {}", jobMaster, job,
                taskExecutor, error.toString());
          } else {
            gateway.disconnectTaskExecutor(taskExecutor, reason);
          }
        });
      }
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Slots the job still holds are given back first, so that a restarting job that asks again gets
   * slots only on the TaskExecutors that are left.
   */
  @Override
  public CompletableFuture<List<SlotOffer>> requestSlots(JobID jobId, String jobMasterAddress, int count) {
    return requestSlots(jobId, jobMasterAddress, count, true);
  }

  @Override
  public CompletableFuture<List<SlotOffer>> requestAdditionalSlots(JobID jobId, String jobMasterAddress, int count) {
    return requestSlots(jobId, jobMasterAddress, count, false);
  }

  private CompletableFuture<List<SlotOffer>> requestSlots(JobID jobId, String jobMasterAddress, int count,
      boolean releaseHeld) {
    CompletableFuture<List<SlotOffer>> result = new CompletableFuture<>();
    runAsync(() -> {
      if (releaseHeld && freeSlotsOf(jobId)) {
        serveWaiting();
      }
      jobMasters.put(jobId, jobMasterAddress);
      // The slots this job keeps are not there for it to have again.
      int total = countTotal() - (releaseHeld ? 0 : countHeldBy(jobId));
      boolean startingUp = System.nanoTime() - startedNanos < startUpTime.toNanos();
      if (total < count && !startingUp) {
        result.completeExceptionally(new NotEnoughResourcesException("The job needs " + count
            + " task slots, but the cluster has " + countFree() + " free of " + total + ". Lower the parallelism, "
            + "use fewer slot sharing groups, or add TaskExecutors/slots (taskmanager.numberOfTaskSlots)."));
      } else if (waiting.isEmpty() && countFree() >= count) {
        result.complete(allocate(jobId, count));
      } else if (waiting.size() >= MAX_WAITING_REQUESTS) {
        result.completeExceptionally(new NotEnoughResourcesException("The job needs " + count + " task slots and "
            + MAX_WAITING_REQUESTS + " jobs are already waiting for slots; try again when jobs have ended."));
      } else {
        WaitingRequest request = new WaitingRequest(jobId, count, result);
        waiting.add(request);
        scheduleRunAsync(() -> {
          if (waiting.remove(request)) {
            request.result().completeExceptionally(new NotEnoughResourcesException("The job needs " + count
                + " task slots, but after waiting " + SLOT_REQUEST_TIMEOUT.toSeconds() + " s only " + countFree()
                + " of " + countTotal() + " are free: other jobs hold them."));
          }
        }, SLOT_REQUEST_TIMEOUT.toMillis());
        if (total < count) {
          // Waiting for TaskExecutors still to register: once start-up is over, too few means never enough.
          long remainingMillis = (startUpTime.toNanos() - (System.nanoTime() - startedNanos)) / 1_000_000 + 1;
          scheduleRunAsync(() -> {
            if (countTotal() < count && waiting.remove(request)) {
              request.result().completeExceptionally(new NotEnoughResourcesException("The job needs " + count
                  + " task slots, but the TaskExecutors registered within " + startUpTime.toSeconds() + " s"
                  + " (resourcemanager.start-up-time) have " + countTotal() + ". Lower the parallelism, use fewer"
                  + " slot sharing groups, or add TaskExecutors/slots (taskmanager.numberOfTaskSlots)."));
            }
          }, remainingMillis);
        }
      }
    });
    return result;
  }

  /** Serves the waiting requests, in order, while the oldest one fits. */
  private void serveWaiting() {
    while (!waiting.isEmpty() && countFree() >= waiting.peek().count()) {
      WaitingRequest request = waiting.poll();
      request.result().complete(allocate(request.jobId(), request.count()));
    }
  }

  private List<SlotOffer> allocate(JobID jobId, int count) {
    List<SlotOffer> offers = new ArrayList<>();
    // Spread the job over TaskExecutors round robin, one slot at a time.
    while (offers.size() < count) {
      for (Map.Entry<String, JobID[]> e : slotsByTaskExecutor.entrySet()) {
        JobID[] slots = e.getValue();
        for (int i = 0; i < slots.length; i++) {
          if (slots[i] == null) {
            slots[i] = jobId;
            offers.add(new SlotOffer(e.getKey(), i, dataAddresses.get(e.getKey())));
            break;
          }
        }
        if (offers.size() == count) {
          break;
        }
      }
    }
    return offers;
  }

  @Override
  public void reportUnreachableTaskExecutor(String taskExecutorAddress, String reason) {
    runAsync(() -> {
      if (!slotsByTaskExecutor.containsKey(taskExecutorAddress)) {
        return; // dropped already
      }
      CompletableFuture<TaskExecutorGateway> probed = gateway(taskExecutorAddress);
      probed.thenCompose(gateway -> gateway.heartbeatFromResourceManager(externalAddress()))
          .orTimeout(heartbeatSettings.timeoutMillis(), TimeUnit.MILLISECONDS)
          .whenCompleteAsync((report, error) -> {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            // A silent one may be slow rather than gone: the heartbeat timeout decides about it.
            if (cause != null && !(cause instanceof TimeoutException) && slotsByTaskExecutor.containsKey(taskExecutorAddress)
                && gateways.get(taskExecutorAddress) == probed) {
              taskExecutorLost(taskExecutorAddress, "a JobMaster could not reach it (" + reason
                  + "), nor could the ResourceManager: " + cause.getMessage());
            }
          }, getMainThreadExecutor());
    });
  }

  @Override
  public void releaseSlots(JobID jobId) {
    freeSlotsOf(jobId);
    jobMasters.remove(jobId);
    // A job that ended, or stopped waiting, must not be handed slots later that no one gives back.
    waiting.removeIf(request -> {
      if (request.jobId().equals(jobId)) {
        request.result().completeExceptionally(new NotEnoughResourcesException("Job " + jobId + " released its"
            + " slots while it waited for " + request.count() + " more"));
        return true;
      }
      return false;
    });
    serveWaiting();
  }

  /** Frees the slots of {@code jobId}; true if it held any. */
  private boolean freeSlotsOf(JobID jobId) {
    boolean freed = false;
    for (JobID[] slots : slotsByTaskExecutor.values()) {
      for (int i = 0; i < slots.length; i++) {
        if (jobId.equals(slots[i])) {
          slots[i] = null;
          freed = true;
        }
      }
    }
    return freed;
  }

  @Override
  public void close() {
    heartbeats.stop();
    super.close();
  }

  @Override
  public CompletableFuture<Integer> freeSlots() {
    return callAsync(this::countFree);
  }

  @Override
  public CompletableFuture<List<RegisteredTaskExecutor>> requestTaskExecutors() {
    return callAsync(() -> {
      List<RegisteredTaskExecutor> taskExecutors = new ArrayList<>();
      for (Map.Entry<String, JobID[]> e : slotsByTaskExecutor.entrySet()) {
        int free = 0;
        for (JobID slot : e.getValue()) {
          free += slot == null ? 1 : 0;
        }
        TimedReport last = lastReports.get(e.getKey());
        taskExecutors.add(new RegisteredTaskExecutor(e.getKey(), e.getValue().length, free,
            registrationTimes.get(e.getKey()), last == null ? null : last.report(), last == null ? 0 : last.receivedAt()));
      }
      return taskExecutors;
    });
  }

  @Override
  public CompletableFuture<Map<String, io.spate.runtime.metrics.dump.MetricDump>> requestTaskManagerMetricDumps() {
    return callAsync(() -> {
      Map<String, CompletableFuture<io.spate.runtime.metrics.dump.MetricDump>> asked = new LinkedHashMap<>();
      for (String address : slotsByTaskExecutor.keySet()) {
        asked.put(address, gateway(address).thenCompose(TaskExecutorGateway::requestMetricDump)
            .completeOnTimeout(null, METRIC_DUMP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
            .exceptionally(error -> null));
      }
      return asked;
    }).thenCompose(asked -> CompletableFuture.allOf(asked.values().toArray(new CompletableFuture<?>[0]))
        .thenApply(done -> {
          Map<String, io.spate.runtime.metrics.dump.MetricDump> dumps = new LinkedHashMap<>();
          asked.forEach((address, dump) -> {
            if (dump.join() != null) {
              dumps.put(address, dump.join());
            }
          });
          return dumps;
        }));
  }

  @Override
  public CompletableFuture<List<io.spate.runtime.cluster.ThreadDump.Entry>> requestTaskManagerThreadDump(
      String taskManagerId) {
    return withTaskExecutor(taskManagerId).thenCompose(TaskExecutorGateway::requestThreadDump);
  }

  @Override
  public CompletableFuture<List<io.spate.runtime.cluster.ProcessLogs.LogFile>> requestTaskManagerLogList(
      String taskManagerId) {
    return withTaskExecutor(taskManagerId).thenCompose(TaskExecutorGateway::requestLogList);
  }

  @Override
  public CompletableFuture<io.spate.runtime.cluster.ProcessLogs.LogTail> requestTaskManagerLogFile(
      String taskManagerId, String name) {
    return withTaskExecutor(taskManagerId).thenCompose(te -> te.requestLogFile(name));
  }

  @Override
  public CompletableFuture<List<List<String>>> requestStackSamples(JobID jobId, int vertexId, String type,
      int samples, long delayMillis, int maxDepth) {
    long timeoutMillis = samples * delayMillis + METRIC_DUMP_TIMEOUT.toMillis();
    return callAsync(() -> {
      List<CompletableFuture<List<List<String>>>> asked = new ArrayList<>();
      for (String address : slotsByTaskExecutor.keySet()) {
        asked.add(gateway(address).thenCompose(te -> te.requestStackSamples(jobId, vertexId, type, samples,
            delayMillis, maxDepth)).completeOnTimeout(List.of(), timeoutMillis, TimeUnit.MILLISECONDS)
            .exceptionally(error -> List.of()));
      }
      return asked;
    }).thenCompose(asked -> CompletableFuture.allOf(asked.toArray(new CompletableFuture<?>[0])).thenApply(done -> {
      List<List<String>> all = new ArrayList<>();
      asked.forEach(samplesOfOne -> all.addAll(samplesOfOne.join()));
      return all;
    }));
  }

  /**
   * The gateway of the registered TaskExecutor whose address ends with {@code taskManagerId} (after
   * its last '/'), or a failure with {@link java.util.NoSuchElementException}.
   */
  private CompletableFuture<TaskExecutorGateway> withTaskExecutor(String taskManagerId) {
    return callAsync(() -> {
      for (String address : slotsByTaskExecutor.keySet()) {
        if (address.substring(address.lastIndexOf('/') + 1).equals(taskManagerId) || address.equals(taskManagerId)) {
          return gateway(address);
        }
      }
      throw new java.util.NoSuchElementException("No TaskManager with id '" + taskManagerId + "' is registered with"
          + " this cluster; GET /taskmanagers lists them.");
    }).thenCompose(gateway -> gateway.completeOnTimeout(null, METRIC_DUMP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
        .thenApply(te -> {
          if (te == null) {
            throw new java.util.NoSuchElementException("TaskManager '" + taskManagerId + "' could not be reached.");
          }
          return te;
        }));
  }

  private int countFree() {
    int free = 0;
    for (JobID[] slots : slotsByTaskExecutor.values()) {
      for (JobID slot : slots) {
        free += slot == null ? 1 : 0;
      }
    }
    return free;
  }

  private int countHeldBy(JobID jobId) {
    int held = 0;
    for (JobID[] slots : slotsByTaskExecutor.values()) {
      for (JobID slot : slots) {
        held += jobId.equals(slot) ? 1 : 0;
      }
    }
    return held;
  }

  private int countTotal() {
    return slotsByTaskExecutor.values().stream().mapToInt(s -> s.length).sum();
  }
}
