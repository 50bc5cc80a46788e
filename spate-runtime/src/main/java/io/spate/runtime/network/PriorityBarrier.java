package io.spate.runtime.network;

import io.spate.runtime.checkpoint.barrier.CheckpointBarrier;

/**
 * A barrier of an unaligned checkpoint in a channel's priority lane, overtaking the elements queued
 * in the channel.
 *
 * @param barrier the barrier
 * @param position how many ordinary elements the producer handed the channel before the barrier:
 *     those with a lower index precede the checkpoint and are stored as in-flight data if the
 *     consumer has not read them when it takes its snapshot
 */
public record PriorityBarrier(CheckpointBarrier barrier, long position) {}
