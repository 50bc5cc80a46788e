package io.spate.runtime.resourcemanager;

import java.io.Serializable;
import java.net.InetSocketAddress;

/**
 * A task slot given to a job.
 *
 * @param taskExecutorAddress the TaskExecutor that owns the slot
 * @param slotIndex the slot's index on that TaskExecutor
 * @param dataAddress where that TaskExecutor's data plane listens, or null if it has none
 */
public record SlotOffer(String taskExecutorAddress, int slotIndex, InetSocketAddress dataAddress)
    implements Serializable {}
