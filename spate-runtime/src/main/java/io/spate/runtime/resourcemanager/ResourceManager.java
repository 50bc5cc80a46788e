package io.spate.runtime.resourcemanager;

import io.spate.api.common.JobID;
import io.spate.runtime.rpc.RpcEndpoint;
import io.spate.runtime.rpc.RpcService;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Keeps track of the TaskExecutors' slots and hands them to jobs. A request the cluster could never
 * serve fails at once; one that only has to wait for other jobs to give slots back waits, first come
 * first served, up to the slot request timeout.
 */
public final class ResourceManager extends RpcEndpoint implements ResourceManagerGateway {

  /** How long a slot request waits for busy slots (Flink's default as well). */
  public static final Duration SLOT_REQUEST_TIMEOUT = Duration.ofMinutes(5);

  private static final int MAX_WAITING_REQUESTS = 1024;

  private record WaitingRequest(JobID jobId, int count, CompletableFuture<List<SlotOffer>> result) {}

  private final Map<String, JobID[]> slotsByTaskExecutor = new LinkedHashMap<>();
  private final Map<String, Long> registrationTimes = new LinkedHashMap<>();
  private final Map<String, InetSocketAddress> dataAddresses = new LinkedHashMap<>();
  private final ArrayDeque<WaitingRequest> waiting = new ArrayDeque<>();

  /** Creates the ResourceManager; requests for busy slots wait up to {@link #SLOT_REQUEST_TIMEOUT}. */
  public ResourceManager(RpcService rpcService, String address) {
    super(rpcService, address);
  }

  @Override
  public CompletableFuture<Void> registerTaskExecutor(String address, int numberOfSlots,
      InetSocketAddress dataAddress) {
    return callAsync(() -> {
      if (numberOfSlots < 1) {
        throw new IllegalArgumentException("TaskExecutor " + address + " offers " + numberOfSlots + " slots; at least 1 is needed");
      }
      slotsByTaskExecutor.putIfAbsent(address, new JobID[numberOfSlots]);
      registrationTimes.putIfAbsent(address, System.currentTimeMillis());
      if (dataAddress != null) {
        dataAddresses.put(address, dataAddress);
      }
      serveWaiting();
      return null;
    });
  }

  @Override
  public CompletableFuture<List<SlotOffer>> requestSlots(JobID jobId, int count) {
    CompletableFuture<List<SlotOffer>> result = new CompletableFuture<>();
    runAsync(() -> {
      int total = countTotal();
      if (total < count) {
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
  public void releaseSlots(JobID jobId) {
    for (JobID[] slots : slotsByTaskExecutor.values()) {
      for (int i = 0; i < slots.length; i++) {
        if (jobId.equals(slots[i])) {
          slots[i] = null;
        }
      }
    }
    serveWaiting();
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
        taskExecutors.add(new RegisteredTaskExecutor(e.getKey(), e.getValue().length, free,
            registrationTimes.get(e.getKey())));
      }
      return taskExecutors;
    });
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

  private int countTotal() {
    return slotsByTaskExecutor.values().stream().mapToInt(s -> s.length).sum();
  }
}
