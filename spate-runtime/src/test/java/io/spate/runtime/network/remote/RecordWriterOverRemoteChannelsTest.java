package io.spate.runtime.network.remote;

import io.spate.runtime.network.ChannelId;
import static io.spate.runtime.network.remote.Channels.TRADES;
import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.functions.KeySelector;
import io.spate.api.typeinfo.Types;
import io.spate.runtime.checkpoint.barrier.CheckpointBarrier;
import io.spate.runtime.checkpoint.barrier.CheckpointOptions;
import io.spate.runtime.checkpoint.barrier.CheckpointType;
import io.spate.runtime.network.InputGate;
import io.spate.runtime.network.LocalChannel;
import io.spate.runtime.network.PriorityBarrier;
import io.spate.runtime.network.RecordBatch;
import io.spate.runtime.network.RecordWriter;
import io.spate.runtime.network.StreamElements;
import io.spate.runtime.network.StreamElements.WatermarkElement;
import io.spate.runtime.network.remote.Channels.Trade;
import io.spate.runtime.partition.KeyGroupPartitioner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine's own RecordWriter and InputGate, unchanged, over remote channels. */
class RecordWriterOverRemoteChannelsTest {

  private static final int RECORDS = 400;
  private static final int BARRIER_AT = 150;

  private RemoteShuffleService producerSide;
  private RemoteShuffleService consumerSide;

  @BeforeEach
  void start() {
    producerSide = new RemoteShuffleService();
    producerSide.start("127.0.0.1", 0);
    consumerSide = new RemoteShuffleService();
    consumerSide.start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    consumerSide.close();
    producerSide.close();
  }

  @Test
  void aKeyedExchangeWithAnUnalignedBarrierKeepsOrderPerKeyAndPositions() throws Exception {
    int consumers = 3;
    LocalChannel[] outbound = new LocalChannel[consumers];
    LocalChannel[] inbound = new LocalChannel[consumers];
    for (int c = 0; c < consumers; c++) {
      ChannelId id = Channels.freshId(20, 0, c);
      outbound[c] = producerSide.outbound(id, consumerSide.address(), TRADES, 2);
      inbound[c] = consumerSide.inbound(id, producerSide.address(), TRADES, 2);
    }
    KeySelector<Trade, String> bySymbol = Trade::symbol;
    RecordWriter writer = new RecordWriter(outbound, new KeyGroupPartitioner(bySymbol, Types.STRING, 128), 4);
    InputGate gate = new InputGate(inbound, new int[consumers]);
    Semaphore room = new Semaphore(0);
    Semaphore arrived = new Semaphore(0);
    writer.registerWaker(room::release);
    gate.registerWaker(arrived::release);
    CheckpointBarrier barrier =
        new CheckpointBarrier(1, 2, new CheckpointOptions(CheckpointType.CHECKPOINT, true, true, 0, null));
    AtomicLongArray positionsAtBarrier = new AtomicLongArray(consumers);

    Thread producer = new Thread(() -> {
      try {
        for (int i = 0; i < RECORDS; i++) {
          if (i == BARRIER_AT) {
            writer.broadcastPriorityEvent(barrier);
            for (int c = 0; c < consumers; c++) {
              positionsAtBarrier.set(c, writer.position(c));
            }
          }
          writer.emit(new Trade("k" + (i % 17), i), i);
          while (!writer.isAvailable()) {
            room.tryAcquire(Channels.TIMEOUT_SECONDS, TimeUnit.SECONDS);
          }
        }
        writer.broadcastEvent(new WatermarkElement(RECORDS));
        writer.broadcastEvent(StreamElements.END_OF_PARTITION);
        while (!writer.drainBacklog()) {
          room.tryAcquire(Channels.TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }, "test-writer");
    producer.start();

    List<List<Object>> received = new ArrayList<>();
    PriorityBarrier[] priority = new PriorityBarrier[consumers];
    for (int c = 0; c < consumers; c++) {
      received.add(new ArrayList<>());
    }
    int open = consumers;
    long seenPriorityEvents = 0;
    while (open > 0) {
      boolean progress = false;
      for (int c = 0; c < consumers; c++) {
        Object element = gate.channel(c).poll();
        if (element == null) {
          continue;
        }
        progress = true;
        if (element instanceof RecordBatch batch) {
          assertThat(batch.hasKeys()).isFalse();
          received.get(c).add(Channels.content(batch));
          gate.channel(c).recycle(batch);
        } else {
          received.get(c).add(element);
          if (element == StreamElements.END_OF_PARTITION) {
            open--;
          }
        }
      }
      if (gate.priorityEventCount() != seenPriorityEvents) {
        seenPriorityEvents = gate.priorityEventCount();
        for (int c = 0; c < consumers; c++) {
          Object event = gate.channel(c).pollPriority();
          if (event != null) {
            priority[c] = (PriorityBarrier) event;
          }
        }
      }
      if (!progress && !arrived.tryAcquire(Channels.TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        throw new AssertionError("timed out; received so far " + received);
      }
    }
    producer.join();

    Map<String, Long> lastPriceOfSymbol = new HashMap<>();
    int records = 0;
    for (int c = 0; c < consumers; c++) {
      List<Object> elements = received.get(c);
      assertThat(priority[c]).isEqualTo(new PriorityBarrier(barrier, positionsAtBarrier.get(c)));
      for (int e = 0; e < elements.size() - 2; e++) {
        Channels.BatchContent batch = (Channels.BatchContent) elements.get(e);
        for (Object value : batch.values()) {
          Trade trade = (Trade) value;
          // the barrier's position cuts the channel where the producer cut it
          assertThat(trade.price() < BARRIER_AT).isEqualTo(e < priority[c].position());
          Long last = lastPriceOfSymbol.put(trade.symbol(), trade.price());
          assertThat(last == null || last < trade.price()).as("order of " + trade.symbol()).isTrue();
          records++;
        }
      }
      assertThat(elements.subList(elements.size() - 2, elements.size()))
          .containsExactly(new WatermarkElement(RECORDS), StreamElements.END_OF_PARTITION);
    }
    assertThat(records).isEqualTo(RECORDS);
  }
}
