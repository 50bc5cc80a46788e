package io.spate.runtime.resourcemanager;

/**
 * A TaskExecutor as the ResourceManager knows it.
 *
 * @param address its RPC address, which is also its id
 * @param numberOfSlots the slots it offers
 * @param freeSlots how many of them no job holds now
 * @param registeredAt when it registered, in epoch milliseconds
 */
public record RegisteredTaskExecutor(String address, int numberOfSlots, int freeSlots, long registeredAt)
    implements java.io.Serializable {}
