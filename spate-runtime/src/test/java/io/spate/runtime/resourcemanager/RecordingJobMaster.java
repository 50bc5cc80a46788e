package io.spate.runtime.resourcemanager;

import io.spate.runtime.rpc.RpcEndpoint;
import io.spate.runtime.rpc.RpcService;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/** A slot owner (what a JobMaster is to the ResourceManager) that records the TaskExecutors it is told were lost. */
final class RecordingJobMaster extends RpcEndpoint implements SlotOwnerGateway {

  /** A call of {@link #disconnectTaskExecutor}. */
  record Disconnect(String taskExecutorAddress, String reason) {}

  final BlockingQueue<Disconnect> disconnects = new ArrayBlockingQueue<>(64);

  RecordingJobMaster(RpcService rpcService, String address) {
    super(rpcService, address);
  }

  @Override
  public void disconnectTaskExecutor(String taskExecutorAddress, String reason) {
    disconnects.add(new Disconnect(taskExecutorAddress, reason));
  }
}
