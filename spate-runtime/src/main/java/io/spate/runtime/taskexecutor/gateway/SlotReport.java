package io.spate.runtime.taskexecutor.gateway;

import java.io.Serializable;

/**
 * A TaskExecutor's answer to a heartbeat request of the ResourceManager.
 *
 * @param taskExecutorAddress the TaskExecutor that answers
 * @param numberOfSlots the slots it offers
 * @param runningTasks the subtasks it runs now
 * @param registered whether it considers itself registered with the ResourceManager that asked
 * @param heapUsed heap in use in the TaskExecutor's JVM, in bytes
 * @param heapCommitted heap the JVM holds from the operating system, in bytes
 * @param heapMax the JVM's heap limit in bytes, or -1 if it has none
 */
public record SlotReport(String taskExecutorAddress, int numberOfSlots, int runningTasks, boolean registered,
    long heapUsed, long heapCommitted, long heapMax) implements Serializable {}
