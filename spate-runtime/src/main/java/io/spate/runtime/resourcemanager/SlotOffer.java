package io.spate.runtime.resourcemanager;

import java.io.Serializable;

/**
 * A task slot given to a job.
 *
 * @param taskExecutorAddress the TaskExecutor that owns the slot
 * @param slotIndex the slot's index on that TaskExecutor
 */
public record SlotOffer(String taskExecutorAddress, int slotIndex) implements Serializable {}
