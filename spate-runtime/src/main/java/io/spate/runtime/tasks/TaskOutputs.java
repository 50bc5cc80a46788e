package io.spate.runtime.tasks;

import io.spate.runtime.checkpoint.barrier.CheckpointBarrier;
import io.spate.runtime.network.RecordWriter;
import io.spate.runtime.operators.SinkWriterOperator;
import io.spate.api.operators.StreamOperator;
import java.util.List;

/**
 * Where a task's records leave it: the record writers of its network edges and the sink writers of
 * its chain that may ask for a pause. The task reads input only while all of them have room.
 */
final class TaskOutputs {

  private final RecordWriter[] writers;
  private final SinkWriterOperator<?>[] backpressuringSinks;

  TaskOutputs(RecordWriter[] writers, List<StreamOperator<?>> operators) {
    this.writers = writers;
    this.backpressuringSinks = operators.stream()
        .filter(operator -> operator instanceof SinkWriterOperator<?> sink && sink.mayBackpressure())
        .toArray(SinkWriterOperator<?>[]::new);
  }

  /** Whether every writer and every backpressuring sink has room for more records. */
  boolean isAvailable() {
    for (RecordWriter writer : writers) {
      if (!writer.isAvailable()) {
        return false;
      }
    }
    for (SinkWriterOperator<?> sink : backpressuringSinks) {
      if (!sink.isWriterAvailable()) {
        return false;
      }
    }
    return true;
  }

  /** Whether some writer holds a batch that is neither empty nor full. */
  boolean anyPartlyFilledBatch() {
    for (RecordWriter writer : writers) {
      if (writer.hasPartlyFilledBatch()) {
        return true;
      }
    }
    return false;
  }

  void flush() {
    for (RecordWriter writer : writers) {
      writer.flush();
    }
  }

  /** Sends {@code event} on every channel behind the data queued before it. */
  void broadcastEvent(Object event) {
    for (RecordWriter writer : writers) {
      writer.broadcastEvent(event);
    }
  }

  /** Sends {@code barrier} on every channel ahead of the queued data. */
  void broadcastPriorityEvent(CheckpointBarrier barrier) {
    for (RecordWriter writer : writers) {
      writer.broadcastPriorityEvent(barrier);
    }
  }

  /** Hands on what the writers still hold; returns whether they hold nothing any more. */
  boolean drainBacklog() {
    boolean drained = true;
    for (RecordWriter writer : writers) {
      drained &= writer.drainBacklog();
    }
    return drained;
  }

  void registerWaker(Runnable waker) {
    for (RecordWriter writer : writers) {
      writer.registerWaker(waker);
    }
  }
}
