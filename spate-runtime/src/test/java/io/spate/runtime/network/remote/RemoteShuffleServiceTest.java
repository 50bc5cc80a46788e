package io.spate.runtime.network.remote;

import io.spate.runtime.network.ChannelId;
import static io.spate.runtime.network.remote.Channels.TRADES;
import static io.spate.runtime.network.remote.Channels.batch;
import static io.spate.runtime.network.remote.Channels.content;
import static org.assertj.core.api.Assertions.assertThat;

import io.spate.runtime.checkpoint.barrier.CheckpointBarrier;
import io.spate.runtime.checkpoint.barrier.CheckpointOptions;
import io.spate.runtime.checkpoint.barrier.CheckpointType;
import io.spate.runtime.network.LocalChannel;
import io.spate.runtime.network.PriorityBarrier;
import io.spate.runtime.network.RecordBatch;
import io.spate.runtime.network.StreamElements;
import io.spate.runtime.network.StreamElements.WatermarkElement;
import io.spate.api.operators.WatermarkStatus;
import io.spate.runtime.network.remote.Channels.Trade;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two data services in one JVM, standing for two TaskManager processes on loopback. */
class RemoteShuffleServiceTest {

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
  void everyElementTypeArrivesInOrderOnManyChannelsOverOneConnection() throws Exception {
    int channels = 12;
    List<LocalChannel> outbound = new ArrayList<>();
    List<LocalChannel> inbound = new ArrayList<>();
    List<List<Object>> sent = new ArrayList<>();
    List<List<Object>> expected = new ArrayList<>();
    for (int c = 0; c < channels; c++) {
      ChannelId id = Channels.freshId(3, c, c % 4);
      outbound.add(producerSide.outbound(id, consumerSide.address(), TRADES, 4));
      inbound.add(consumerSide.inbound(id, producerSide.address(), TRADES, 3));
      List<Object> elements = elementsOfEveryType(c);
      sent.add(elements);
      expected.add(elements.stream().map(Channels::content).toList());
    }

    Thread producer = Channels.startProducer(outbound, sent);
    List<List<Object>> received = Channels.readAll(inbound);
    producer.join();

    assertThat(received).isEqualTo(expected);
    assertThat(consumerSide.numberOfConnections()).isEqualTo(1);
    assertThat(producerSide.numberOfConnections()).isEqualTo(1);
  }

  static List<Object> elementsOfEveryType(int channel) {
    List<Object> elements = new ArrayList<>();
    RecordBatch keyed = new RecordBatch(8);
    keyed.add(new Trade("ACME", channel), 5, "ACME");
    keyed.add(new Trade("Zürich €", -1), StreamElements.NO_TIMESTAMP, "Zürich €");
    elements.add(keyed);
    elements.add(new WatermarkElement(4));
    elements.add(WatermarkStatus.IDLE);
    elements.add(WatermarkStatus.ACTIVE);
    elements.add(new CheckpointBarrier(7, 1234, new CheckpointOptions(CheckpointType.CHECKPOINT, true, false, 0, null)));
    for (int i = 0; i < 20; i++) {
      elements.add(batch(4, new Trade("T" + i, i), new Trade("U" + i, channel)));
    }
    elements.add(new CheckpointBarrier(8, 5678, CheckpointOptions.savepoint(CheckpointType.SAVEPOINT, "/tmp/sp")));
    elements.add(new WatermarkElement(Long.MAX_VALUE));
    elements.add(StreamElements.END_OF_PARTITION);
    return elements;
  }

  @Test
  void aStalledConsumerFillsTheProducersChannelAndResumingLosesNothing() throws Exception {
    int credit = 3;
    int outboundCapacity = 5;
    ChannelId id = Channels.freshId(1, 0, 0);
    LocalChannel out = producerSide.outbound(id, consumerSide.address(), TRADES, outboundCapacity);
    LocalChannel in = consumerSide.inbound(id, producerSide.address(), TRADES, credit);
    Semaphore signal = new Semaphore(0);
    in.registerConsumerWaker(signal::release);
    out.registerProducerWaker(signal::release);

    // Offer until the sender used every credit and the outbound channel is full again.
    int accepted = 0;
    while (true) {
      if (out.offer(batch(1, new Trade("x", accepted)))) {
        accepted++;
        continue;
      }
      if (in.backlog() == credit) {
        break; // the consumer's channel holds all it granted; nothing more can leave
      }
      Channels.await(signal, () -> out.hasCapacity() || in.backlog() == credit, "the sender to use its credit");
    }
    assertThat(out.offer(batch(1, new Trade("refused", -1)))).isFalse();
    assertThat(accepted).isEqualTo(credit + outboundCapacity);
    assertThat(consumerSide.counters(id).maxQueued()).isLessThanOrEqualTo(credit);
    assertThat(producerSide.counters(id).elements()).isEqualTo(credit);

    // Resume: the consumer drains, the producer sends the rest and ends.
    int total = 40;
    List<Object> rest = new ArrayList<>();
    List<Object> expected = new ArrayList<>();
    for (int i = 0; i < accepted; i++) {
      expected.add(content(batch(1, new Trade("x", i))));
    }
    for (int i = accepted; i < total; i++) {
      RecordBatch b = batch(1, new Trade("x", i));
      expected.add(content(b));
      rest.add(b);
    }
    rest.add(StreamElements.END_OF_PARTITION);
    expected.add(StreamElements.END_OF_PARTITION);
    Thread producer = Channels.startProducer(List.of(out), List.of(rest));
    List<Object> received = Channels.readAll(List.of(in)).get(0);
    producer.join();

    assertThat(received).isEqualTo(expected);
  }

  @Test
  void aPriorityBarrierOvertakesElementsQueuedAtTheSender() throws Exception {
    ChannelId id = Channels.freshId(2, 1, 1);
    LocalChannel out = producerSide.outbound(id, consumerSide.address(), TRADES, 10);
    for (int i = 0; i < 6; i++) {
      assertThat(out.offer(batch(2, new Trade("q", i)))).isTrue();
    }
    CheckpointBarrier barrier =
        new CheckpointBarrier(11, 99, new CheckpointOptions(CheckpointType.CHECKPOINT, true, true, 0, null));
    out.offerPriority(new PriorityBarrier(barrier, 6));
    out.offer(StreamElements.END_OF_PARTITION);

    // Subscribing with a credit of 2: the barrier must not wait behind the 6 queued batches.
    LocalChannel in = consumerSide.inbound(id, producerSide.address(), TRADES, 2);
    Semaphore arrived = new Semaphore(0);
    in.registerConsumerWaker(arrived::release);
    Object[] priority = new Object[1];
    Channels.await(arrived, () -> (priority[0] = priority[0] != null ? priority[0] : in.pollPriority()) != null,
        "the priority barrier");

    assertThat(priority[0]).isEqualTo(new PriorityBarrier(barrier, 6));
    assertThat(in.backlog()).isLessThanOrEqualTo(2);
    assertThat(out.backlog()).as("batches still queued at the sender").isGreaterThanOrEqualTo(4);
    List<Object> received = Channels.readAll(List.of(in)).get(0);
    assertThat(received).hasSize(7).endsWith(StreamElements.END_OF_PARTITION);
    assertThat(consumerSide.numberOfConnections()).isEqualTo(1);
  }

  @Test
  void theConsumerSideOfAnUnstartedProducerIsFailedWhenTheProducerProcessGoesAway() throws Exception {
    Channels.assertTransferWorks(producerSide, consumerSide); // the connection is up
    ChannelId id = Channels.freshId(4, 0, 0);
    LocalChannel in = consumerSide.inbound(id, producerSide.address(), TRADES, 2);
    producerSide.close();

    assertThat(Channels.awaitFailure(in).cause()).contains("shut down");
  }
}
