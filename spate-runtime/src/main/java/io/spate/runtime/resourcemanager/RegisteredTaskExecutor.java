package io.spate.runtime.resourcemanager;

/**
 * A TaskExecutor as the ResourceManager knows it.
 *
 * @param address its RPC address, which is also its id
 * @param numberOfSlots the slots it offers
 * @param freeSlots how many of them no job holds now
 * @param registeredAt when it registered, in epoch milliseconds
 * @param lastHeartbeat its latest answer to a heartbeat, or null before the first
 * @param lastHeartbeatAt when that answer came, in epoch milliseconds (0 before the first)
 */
public record RegisteredTaskExecutor(String address, int numberOfSlots, int freeSlots, long registeredAt,
    io.spate.runtime.taskexecutor.gateway.SlotReport lastHeartbeat, long lastHeartbeatAt) implements java.io.Serializable {}
