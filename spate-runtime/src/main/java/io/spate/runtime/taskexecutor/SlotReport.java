package io.spate.runtime.taskexecutor;

import java.io.Serializable;

/**
 * A TaskExecutor's answer to a heartbeat request of the ResourceManager.
 *
 * @param taskExecutorAddress the TaskExecutor that answers
 * @param numberOfSlots the slots it offers
 * @param runningTasks the subtasks it runs now
 * @param registered whether it considers itself registered with the ResourceManager that asked
 */
public record SlotReport(String taskExecutorAddress, int numberOfSlots, int runningTasks, boolean registered)
    implements Serializable {}
