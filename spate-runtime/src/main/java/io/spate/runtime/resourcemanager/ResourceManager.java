package io.spate.runtime.resourcemanager;

import io.spate.api.common.JobID;
import io.spate.runtime.rpc.RpcEndpoint;
import io.spate.runtime.rpc.RpcService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Keeps track of the TaskExecutors' slots and hands them to jobs. */
public final class ResourceManager extends RpcEndpoint implements ResourceManagerGateway {

  private final Map<String, JobID[]> slotsByTaskExecutor = new LinkedHashMap<>();

  /** Creates the ResourceManager. */
  public ResourceManager(RpcService rpcService, String address) {
    super(rpcService, address);
  }

  @Override
  public CompletableFuture<Void> registerTaskExecutor(String address, int numberOfSlots) {
    return callAsync(() -> {
      if (numberOfSlots < 1) {
        throw new IllegalArgumentException("TaskExecutor " + address + " offers " + numberOfSlots + " slots; at least 1 is needed");
      }
      slotsByTaskExecutor.putIfAbsent(address, new JobID[numberOfSlots]);
      return null;
    });
  }

  @Override
  public CompletableFuture<List<SlotOffer>> requestSlots(JobID jobId, int count) {
    return callAsync(() -> {
      int free = countFree();
      if (free < count) {
        throw new NotEnoughResourcesException("The job needs " + count + " task slots, but the cluster has "
            + free + " free of " + countTotal() + ". Lower the parallelism, use fewer slot sharing groups, "
            + "or add TaskExecutors/slots (taskmanager.numberOfTaskSlots).");
      }
      List<SlotOffer> offers = new ArrayList<>();
      // Spread the job over TaskExecutors round robin, one slot at a time.
      while (offers.size() < count) {
        for (Map.Entry<String, JobID[]> e : slotsByTaskExecutor.entrySet()) {
          JobID[] slots = e.getValue();
          for (int i = 0; i < slots.length; i++) {
            if (slots[i] == null) {
              slots[i] = jobId;
              offers.add(new SlotOffer(e.getKey(), i));
              break;
            }
          }
          if (offers.size() == count) {
            break;
          }
        }
      }
      return offers;
    });
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
  }

  @Override
  public CompletableFuture<Integer> freeSlots() {
    return callAsync(this::countFree);
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
