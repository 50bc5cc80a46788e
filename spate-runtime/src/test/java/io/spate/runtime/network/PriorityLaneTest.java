package io.spate.runtime.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.runtime.checkpoint.barrier.CheckpointBarrier;
import io.spate.runtime.checkpoint.barrier.CheckpointOptions;
import io.spate.runtime.checkpoint.barrier.CheckpointType;
import io.spate.runtime.partition.RoundRobinPartitioner;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Positions of elements in channels, and priority barriers that overtake them. */
class PriorityLaneTest {

  private static final CheckpointBarrier BARRIER = new CheckpointBarrier(3, 1,
      new CheckpointOptions(CheckpointType.CHECKPOINT, true, true, 0, null));

  @Test
  void aPriorityBarrierCarriesEachChannelsPositionAfterFlushingPartialBatches() throws Exception {
    LocalChannel a = new LocalChannel("a", 2);
    LocalChannel b = new LocalChannel("b", 2);
    RecordWriter writer = new RecordWriter(new LocalChannel[] {a, b}, new RoundRobinPartitioner(), 2);
    for (int i = 0; i < 9; i++) { // 5 records to one channel, 4 to the other: batches of 2, partly in the backlog
      writer.emit(i, i);
    }
    writer.broadcastEvent(new StreamElements.WatermarkElement(5));
    writer.broadcastPriorityEvent(BARRIER);
    writer.emit(100, 100);

    // Each channel was handed: its full batches, its flushed partial batch (if any), the watermark.
    long positionA = writer.position(0);
    long positionB = writer.position(1);
    PriorityBarrier priorityA = (PriorityBarrier) a.pollPriority();
    PriorityBarrier priorityB = (PriorityBarrier) b.pollPriority();
    assertThat(priorityA.barrier()).isEqualTo(BARRIER);
    assertThat(priorityB.barrier()).isEqualTo(BARRIER);
    assertThat(a.pollPriority()).isNull();

    List<Object> elementsOfA = drain(a, writer);
    List<Object> elementsOfB = drain(b, writer);
    assertThat(elementsOfA).hasSize((int) positionA);
    assertThat(elementsOfB).hasSize((int) positionB);
    assertThat(priorityA.position()).isEqualTo(positionA);
    assertThat(priorityB.position()).isEqualTo(positionB);
    // the elements before the position hold every record emitted before the barrier, and the watermark last
    assertThat(recordsIn(elementsOfA, elementsOfB)).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8);
    assertThat(elementsOfA.get(elementsOfA.size() - 1)).isEqualTo(new StreamElements.WatermarkElement(5));
    assertThat(elementsOfB.get(elementsOfB.size() - 1)).isEqualTo(new StreamElements.WatermarkElement(5));

    // what follows the barrier gets positions from there on
    writer.flush();
    writer.drainBacklog();
    assertThat(writer.position(0) + writer.position(1)).isEqualTo(positionA + positionB + 1);
  }

  private static List<Object> drain(LocalChannel channel, RecordWriter writer) {
    List<Object> out = new ArrayList<>();
    while (true) {
      writer.drainBacklog();
      Object e = channel.poll();
      if (e == null) {
        return out;
      }
      if (e instanceof RecordBatch batch) { // copy before the batch is recycled
        RecordBatch copy = new RecordBatch(batch.capacity());
        for (int i = 0; i < batch.size(); i++) {
          copy.add(batch.value(i), batch.timestamp(i));
        }
        out.add(copy);
      } else {
        out.add(e);
      }
    }
  }

  private static List<Object> recordsIn(List<Object> a, List<Object> b) {
    List<Object> records = new ArrayList<>();
    for (List<Object> elements : List.of(a, b)) {
      for (Object e : elements) {
        if (e instanceof RecordBatch batch) {
          for (int i = 0; i < batch.size(); i++) {
            records.add(batch.value(i));
          }
        }
      }
    }
    return records;
  }

  @Test
  void theGateCountsPriorityEventsOnlyAfterItRegistered() {
    LocalChannel early = new LocalChannel("early", 1);
    early.offerPriority("before the gate");
    InputGate gate = new InputGate(new LocalChannel[] {early, new LocalChannel("other", 1)}, new int[] {0, 0});
    assertThat(gate.priorityEventCount()).as("not counted: the consumer looks once after building its gate").isZero();
    assertThat(early.pollPriority()).isEqualTo("before the gate");
    gate.channel(1).offerPriority("after");
    assertThat(gate.priorityEventCount()).isEqualTo(1);
    assertThat(gate.channel(1).pollPriority()).isEqualTo("after");
    assertThat(gate.channel(1).pollPriority()).isNull();
  }

  @Test
  void priorityEventsNeverBlockOnAFullChannel() {
    LocalChannel channel = new LocalChannel("full", 1);
    assertThat(channel.offer("x")).isTrue();
    assertThat(channel.offer("y")).isFalse();
    for (int i = 0; i < 100; i++) {
      channel.offerPriority(i);
    }
    for (int i = 0; i < 100; i++) {
      assertThat(channel.pollPriority()).isEqualTo(i);
    }
    assertThat(channel.poll()).isEqualTo("x");
  }

  @Test
  void peekingLooksAheadWithoutTakingAnything() {
    LocalChannel channel = new LocalChannel("peek", 4);
    assertThat(channel.peek(0)).isNull();
    channel.offer("a");
    channel.offer("b");
    assertThat(channel.peek(0)).isEqualTo("a");
    assertThat(channel.peek(1)).isEqualTo("b");
    assertThat(channel.peek(2)).isNull();
    assertThat(channel.poll()).isEqualTo("a");
    assertThat(channel.peek(0)).isEqualTo("b");
    channel.offer("c");
    assertThat(channel.peek(1)).isEqualTo("c");
    assertThat(channel.poll()).isEqualTo("b");
    assertThat(channel.poll()).isEqualTo("c");
    assertThat(channel.peek(0)).isNull();
  }
}
