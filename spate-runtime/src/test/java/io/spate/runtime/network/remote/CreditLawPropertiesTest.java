package io.spate.runtime.network.remote;

import io.spate.runtime.ShrinkingLists;
import io.spate.runtime.network.ChannelId;
import static io.spate.runtime.network.remote.Channels.TRADES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.spate.runtime.CheckedLaw;
import io.spate.runtime.network.ChannelFailure;
import io.spate.runtime.network.LocalChannel;
import io.spate.runtime.network.RecordBatch;
import io.spate.runtime.network.StreamElements;
import io.spate.runtime.network.remote.Channels.Trade;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The credit law: whatever the capacities and however the consumer polls, the producer never has
 * more elements on their way than the consumer granted, the consumer's channel never overflows, and
 * every element arrives once, in order.
 */
class CreditLawPropertiesTest {

  private static RemoteShuffleService producerSide;
  private static RemoteShuffleService consumerSide;

  @BeforeAll
  static void start() {
    producerSide = new RemoteShuffleService();
    producerSide.start("127.0.0.1", 0);
    consumerSide = new RemoteShuffleService();
    consumerSide.start("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() {
    consumerSide.close();
    producerSide.close();
  }

  /**
   * {@code polls}: the consumer's pattern, cycled: 0 waits until the producer is stalled on credit
   * (the inbound channel holds all it may, less the credit the consumer holds back to return in a
   * bunch), then takes one element; n takes up to n elements.
   */
  @Test
  void theProducerNeverSendsMoreThanItWasGranted() {
    qt().withExamples(60)
        .forAll(sizes(), ShrinkingLists.of(integers().between(0, 4), 1, 12))
        .checkAssert((sizes, polls) -> CheckedLaw.check(() -> theProducerNeverSendsMoreThanItWasGranted(
            sizes.credit(), sizes.outboundCapacity(), sizes.batches(), sizes.batchSize(), polls)));
  }

  /** The capacities and the amount sent in one run. */
  record Sizes(int credit, int outboundCapacity, int batches, int batchSize) {}

  private static Gen<Sizes> sizes() {
    return integers().between(1, 6).zip(integers().between(1, 6), integers().between(0, 80),
        integers().between(1, 5), Sizes::new);
  }

  private static void theProducerNeverSendsMoreThanItWasGranted(int credit, int outboundCapacity, int batches,
      int batchSize, List<Integer> polls) throws Exception {
    ChannelId id = Channels.freshId(5, 0, 0);
    LocalChannel out = producerSide.outbound(id, consumerSide.address(), TRADES, outboundCapacity);
    ChannelCounters sender = producerSide.counters(id);
    LocalChannel in = consumerSide.inbound(id, producerSide.address(), TRADES, credit);
    ChannelCounters receiver = consumerSide.counters(id);
    Semaphore arrived = new Semaphore(0);
    in.registerConsumerWaker(arrived::release);

    List<Object> elements = new ArrayList<>();
    int record = 0;
    for (int b = 0; b < batches; b++) {
      RecordBatch batch = new RecordBatch(batchSize);
      for (int i = 0; i <= b % batchSize; i++) {
        batch.add(new Trade("r", record++), record);
      }
      elements.add(batch);
    }
    elements.add(StreamElements.END_OF_PARTITION);
    int total = elements.size();
    Thread producer = Channels.startProducer(List.of(out), List.of(elements));

    long expectedRecord = 0;
    int polled = 0;
    boolean ended = false;
    for (int step = 0; !ended; step++) {
      int take = polls.get(step % polls.size());
      if (take == 0) {
        // Stalled: every element has arrived, or all credit the consumer gave back is used. Credit
        // comes back in bunches while the channel holds elements, so some may still be held back.
        int remaining = total - polled;
        Channels.await(arrived, () -> in.backlog() == Math.min(credit - consumerSide.creditHeldBack(id), remaining),
            "the producer to stall at " + Math.min(credit, remaining) + " less the credit held back ("
                + consumerSide.creditHeldBack(id) + "); the consumer's channel holds " + in.backlog());
        take = 1;
      }
      for (int i = 0; i < take && !ended; i++) {
        Channels.await(arrived, () -> !in.isEmpty(), "an element");
        Object element = in.poll();
        polled++;
        assertThat(element).isNotInstanceOf(ChannelFailure.class);
        if (element instanceof RecordBatch batch) {
          for (int r = 0; r < batch.size(); r++) {
            assertThat(((Trade) batch.value(r)).price()).isEqualTo(expectedRecord++);
          }
          in.recycle(batch);
        } else {
          assertThat(element).isSameAs(StreamElements.END_OF_PARTITION);
          ended = true;
        }
        // The law, measured from outside the sender: what left it and was not yet taken fits the credit.
        assertThat(sender.elements() - polled).isLessThanOrEqualTo(credit);
        assertThat(sender.elements()).isLessThanOrEqualTo(sender.credits());
        assertThat(in.backlog()).isLessThanOrEqualTo(credit);
      }
    }
    producer.join();
    assertThat(polled).isEqualTo(total);
    assertThat(expectedRecord).isEqualTo(record);
    assertThat(receiver.maxQueued()).isLessThanOrEqualTo(credit);
    assertThat(receiver.elements()).isEqualTo(total);
    assertThat(sender.elements()).isEqualTo(total);
  }
}
