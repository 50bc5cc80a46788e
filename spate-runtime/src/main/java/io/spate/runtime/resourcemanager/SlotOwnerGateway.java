package io.spate.runtime.resourcemanager;

import io.spate.runtime.rpc.RpcGateway;

/**
 * What the ResourceManager needs of a role that holds slots (a JobMaster): to be told when a
 * TaskExecutor with some of its slots is gone.
 */
public interface SlotOwnerGateway extends RpcGateway {

  /**
   * The TaskExecutor at {@code taskExecutorAddress} is gone (the ResourceManager lost its heartbeat,
   * or it registered anew): every subtask of this job deployed there has failed with {@code reason}
   * and will never report again. The job restarts per its restart strategy, on slots requested anew.
   */
  void disconnectTaskExecutor(String taskExecutorAddress, String reason);
}
