package io.spate.runtime.network.remote;

import io.spate.runtime.network.ChannelId;
import static io.spate.runtime.network.remote.Channels.TRADES;
import static org.assertj.core.api.Assertions.assertThat;

import io.spate.runtime.network.ChannelFailure;
import io.spate.runtime.network.LocalChannel;
import io.spate.runtime.network.StreamElements.WatermarkElement;
import io.spate.api.serialization.DataOutputSerializer;
import io.spate.runtime.checkpoint.barrier.CheckpointBarrier;
import io.spate.runtime.checkpoint.barrier.CheckpointOptions;
import io.spate.runtime.checkpoint.barrier.CheckpointType;
import io.spate.runtime.network.PriorityBarrier;
import io.spate.runtime.network.remote.RawPeer.RawFrame;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import io.spate.runtime.network.remote.Channels.Trade;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bad input on one connection: the service closes that connection with a reason, fails the channels
 * on it with a message naming channel and cause, and keeps serving its other connections.
 */
class ProtocolErrorsTest {

  private static final int MAX_FRAME = 4096;

  private RemoteShuffleService producerSide;
  private RemoteShuffleService consumerSide;

  @BeforeEach
  void start() throws Exception {
    RemoteShuffleOptions options = RemoteShuffleOptions.defaults().withMaxFrameSize(MAX_FRAME);
    producerSide = new RemoteShuffleService(options, (id, outbound, cause) -> {});
    producerSide.start("127.0.0.1", 0);
    consumerSide = new RemoteShuffleService(options, (id, outbound, cause) -> {});
    consumerSide.start("127.0.0.1", 0);
    Channels.assertTransferWorks(producerSide, consumerSide);
  }

  @AfterEach
  void stop() throws Exception {
    try {
      Channels.assertTransferWorks(producerSide, consumerSide); // the good connection survived
    } finally {
      consumerSide.close();
      producerSide.close();
    }
  }

  // ---- a bad consumer connecting to the producer's service ----

  @Test
  void aWrongVersionIsAnsweredWithOurVersionAndClosed() throws Exception {
    try (RawPeer peer = RawPeer.connect(producerSide.address())) {
      peer.hello(Handshake.MAGIC, 99);
      assertThat(peer.readHello()).containsExactly(Handshake.MAGIC, Handshake.PROTOCOL_VERSION);
      assertThat(peer.closedByService()).isTrue();
    }
  }

  @Test
  void aStrangerWithoutTheMagicNumberIsClosed() throws Exception {
    try (RawPeer peer = RawPeer.connect(producerSide.address())) {
      peer.sendRaw("GET / HTTP/1.1\r\n\r\n".getBytes());
      assertThat(peer.closedByService()).isTrue();
    }
  }

  @Test
  void anUnknownFrameTypeClosesTheConnectionWithAReason() throws Exception {
    try (RawPeer peer = RawPeer.connect(producerSide.address())) {
      peer.hello();
      peer.readHello();
      peer.sendRaw(new byte[] {0, 0, 0, 3, 0x7F, 1, 2});
      assertThat(peer.readUntilClosed()).contains("unknown frame type 0x7f");
    }
  }

  @Test
  void anOversizedFrameIsRejectedFromItsLengthAlone() throws Exception {
    try (RawPeer peer = RawPeer.connect(producerSide.address())) {
      peer.hello();
      peer.readHello();
      peer.sendRaw(ByteBuffer.allocate(5).putInt(64 << 20).put(FrameType.BATCH.tag).array());
      assertThat(peer.readUntilClosed()).contains("exceeds the maximum frame size of " + MAX_FRAME);
    }
  }

  @Test
  void creditForAnUnknownChannelClosesTheConnection() throws Exception {
    try (RawPeer peer = RawPeer.connect(producerSide.address())) {
      peer.hello();
      peer.readHello();
      peer.sendInt(FrameType.ADD_CREDIT, Channels.freshId(1, 0, 0), 5);
      assertThat(peer.readUntilClosed()).contains("credit for unknown channel");
    }
  }

  @Test
  void aProducerWhoseConsumerBreaksTheProtocolIsToldOfTheFailure() throws Exception {
    BlockingQueue<String> failures = new LinkedBlockingQueue<>();
    try (RemoteShuffleService producer = new RemoteShuffleService(RemoteShuffleOptions.defaults(),
        (id, outbound, cause) -> failures.add(id + (outbound ? " out: " : " in: ") + cause))) {
      producer.start("127.0.0.1", 0);
      ChannelId id = Channels.freshId(6, 0, 0);
      LocalChannel out = producer.outbound(id, new InetSocketAddress("127.0.0.1", 1), TRADES, 4);
      out.offer(new WatermarkElement(1));
      try (RawPeer peer = RawPeer.connect(producer.address())) {
        peer.hello();
        peer.readHello();
        peer.sendInt(FrameType.SUBSCRIBE, id, 1);
        RawFrame watermark = peer.readFrame();
        assertThat(watermark.tag()).isEqualTo(FrameType.EVENT.tag);
        assertThat(watermark.channel()).isEqualTo(id);
        peer.sendInt(FrameType.ADD_CREDIT, id, 2); // one more than it granted
        assertThat(peer.readUntilClosed()).contains("got 2 credits while holding 0 of 1");
      }
      assertThat(failures.poll(Channels.TIMEOUT_SECONDS, TimeUnit.SECONDS))
          .startsWith(id + " out: ").contains("got 2 credits");
    }
  }

  @Test
  void aBatchTooLargeForAFrameFailsOnlyItsChannel() throws Exception {
    ChannelId id = Channels.freshId(11, 0, 0);
    LocalChannel out = producerSide.outbound(id, consumerSide.address(), TRADES, 2);
    LocalChannel in = consumerSide.inbound(id, producerSide.address(), TRADES, 2);
    String big = "x".repeat(MAX_FRAME);
    out.offer(Channels.batch(1, new Trade(big, 1)));

    ChannelFailure failure = Channels.awaitFailure(in);

    assertThat(failure.cause()).contains("the producer failed it")
        .contains("larger than the maximum frame size of " + MAX_FRAME + " bytes");
    assertThat(failure.toException()).hasMessageContaining(id.toString());
    assertThat(consumerSide.numberOfConnections()).isEqualTo(1); // a channel error, not a broken connection
  }

  @Test
  void aReleasedConsumerStopsItsProducerAndTheConnectionCarriesOn() throws Exception {
    ChannelId id = Channels.freshId(12, 0, 0);
    LocalChannel out = producerSide.outbound(id, consumerSide.address(), TRADES, 2);
    LocalChannel in = consumerSide.inbound(id, producerSide.address(), TRADES, 1);
    Semaphore arrived = new Semaphore(0);
    in.registerConsumerWaker(arrived::release);
    out.offer(Channels.batch(1, new Trade("a", 1)));
    Channels.await(arrived, () -> !in.isEmpty(), "the first batch");

    consumerSide.releaseInbound(id);
    // The release and the next subscription travel in order on the one connection, so once a later
    // channel has gone through, both sides have forgotten this one.
    Channels.assertTransferWorks(producerSide, consumerSide);
    assertThat(consumerSide.counters(id)).isNull();
    assertThat(producerSide.counters(id)).isNull();
    assertThat(out.offer(Channels.batch(1, new Trade("b", 2)))).isTrue(); // nobody drains it any more
  }

  @Test
  void framesAProducerSentBeforeItReadTheConsumersCloseAreDropped() throws Exception {
    try (ServerSocket server = loopbackServer()) {
      ChannelId closed = Channels.freshId(13, 0, 0);
      ChannelId open = Channels.freshId(13, 0, 1);
      LocalChannel closedIn = consumerSide.inbound(closed, address(server), TRADES, 2);
      try (RawPeer peer = RawPeer.accept(server)) {
        peer.readHello();
        peer.hello();
        assertThat(peer.readFrame().channel()).isEqualTo(closed);
        consumerSide.releaseInbound(closed);
        RawFrame close = peer.readFrame();
        assertThat(close.tag()).isEqualTo(FrameType.CHANNEL_CLOSE.tag);
        assertThat(close.channel()).isEqualTo(closed);
        // Crossing the close on the wire: an element and a barrier the producer sent before it read it.
        byte[] watermark = ByteBuffer.allocate(9).put((byte) 1).putLong(5).array();
        peer.send(FrameType.EVENT, closed, watermark);
        DataOutputSerializer barrier = new DataOutputSerializer(64);
        EventCodec.writePriorityEvent(new PriorityBarrier(new CheckpointBarrier(1, 0,
            new CheckpointOptions(CheckpointType.CHECKPOINT, true, true, 0, null)), 0), barrier);
        peer.send(FrameType.PRIORITY_EVENT, closed, barrier.getCopyOfBuffer());
        peer.send(FrameType.CHANNEL_CLOSE, closed, new byte[0]);

        // The connection still carries the consumer's other channels.
        LocalChannel openIn = consumerSide.inbound(open, address(server), TRADES, 1);
        RawFrame subscribe = peer.readFrame();
        assertThat(subscribe.tag()).isEqualTo(FrameType.SUBSCRIBE.tag);
        assertThat(subscribe.channel()).isEqualTo(open);
        Semaphore arrived = new Semaphore(0);
        openIn.registerConsumerWaker(arrived::release);
        peer.send(FrameType.EVENT, open, watermark);
        Channels.await(arrived, () -> !openIn.isEmpty(), "the watermark on the open channel");
        assertThat(openIn.poll()).isEqualTo(new WatermarkElement(5));
        assertThat(closedIn.isEmpty()).isTrue();

        // Once the producer confirmed the close, a frame for the channel breaks the protocol again.
        peer.send(FrameType.EVENT, closed, watermark);
        assertThat(Channels.awaitFailure(openIn).cause()).contains("EVENT frame for unknown channel " + closed);
      }
    }
  }

  @Test
  void aProducerConfirmsTheConsumersClose() throws Exception {
    ChannelId id = Channels.freshId(14, 0, 0);
    producerSide.outbound(id, null, TRADES, 2);
    try (RawPeer peer = RawPeer.connect(producerSide.address())) {
      peer.hello();
      peer.readHello();
      peer.sendInt(FrameType.SUBSCRIBE, id, 2);
      peer.send(FrameType.CHANNEL_CLOSE, id, new byte[0]);
      RawFrame confirmation = peer.readFrame();
      assertThat(confirmation.tag()).isEqualTo(FrameType.CHANNEL_CLOSE.tag);
      assertThat(confirmation.channel()).isEqualTo(id);
    }
  }

  // ---- a bad producer the consumer's service connects to ----

  @Test
  void aProducerOfAnotherVersionFailsTheChannelNamingBothVersions() throws Exception {
    try (ServerSocket server = loopbackServer()) {
      ChannelId id = Channels.freshId(7, 0, 0);
      LocalChannel in = consumerSide.inbound(id, address(server), TRADES, 2);
      try (RawPeer peer = RawPeer.accept(server)) {
        assertThat(peer.readHello()).containsExactly(Handshake.MAGIC, Handshake.PROTOCOL_VERSION);
        peer.hello(Handshake.MAGIC, 99);
        ChannelFailure failure = Channels.awaitFailure(in);
        assertThat(failure.cause())
            .contains("peer speaks protocol version 99, this process " + Handshake.PROTOCOL_VERSION);
        assertThat(failure.toException()).hasMessageContaining(id.toString());
      }
    }
  }

  @Test
  void garbageFromAProducerFailsItsChannels() throws Exception {
    assertBadProducerFails(peer -> peer.sendRaw(new byte[] {0, 0, 0, 2, 0x55, 0x55}), "unknown frame type 0x55");
  }

  @Test
  void anOversizedFrameFromAProducerFailsItsChannels() throws Exception {
    assertBadProducerFails(peer -> peer.sendRaw(ByteBuffer.allocate(4).putInt(MAX_FRAME + 1).array()),
        "a frame of " + (MAX_FRAME + 1) + " bytes exceeds the maximum frame size of " + MAX_FRAME);
  }

  @Test
  void aBatchForAnUnknownChannelFailsTheChannelsOfThatConnection() throws Exception {
    assertBadProducerFails(peer -> peer.send(FrameType.BATCH, Channels.freshId(8, 0, 0), new byte[8]),
        "BATCH frame for unknown channel");
  }

  @Test
  void anElementBeyondTheCreditFailsTheChannel() throws Exception {
    byte[] watermark = ByteBuffer.allocate(9).put((byte) 1).putLong(5).array();
    ChannelId[] subscribed = new ChannelId[1];
    ChannelFailure failure = runBadProducer(subscribed, peer -> {
      // In one write, so that both arrive before the consumer can take the first and return its credit.
      byte[] frame = RawPeer.frameBytes(FrameType.EVENT, subscribed[0], watermark);
      peer.sendRaw(ByteBuffer.allocate(2 * frame.length).put(frame).put(frame).array());
    });
    assertThat(failure.cause()).contains("sent an element without credit");
  }

  @Test
  void aMalformedBatchFailsTheChannel() throws Exception {
    ChannelId[] subscribed = new ChannelId[1];
    ChannelFailure failure = runBadProducer(subscribed,
        peer -> peer.send(FrameType.BATCH, subscribed[0], ByteBuffer.allocate(8).putInt(1000).putInt(1000).array()));
    assertThat(failure.cause()).contains("malformed batch: it claims 1000 records");
  }

  @Test
  void priorityEventsBeyondTheBacklogBoundFailTheChannel() throws Exception {
    ChannelId[] subscribed = new ChannelId[1];
    ChannelFailure failure = runBadProducer(subscribed, peer -> {
      // Priority events need no credit; nobody takes them here, so the bound is reached.
      for (int i = 0; i <= RemoteReceiver.MAX_PRIORITY_BACKLOG; i++) {
        DataOutputSerializer out = new DataOutputSerializer(64);
        EventCodec.writePriorityEvent(new PriorityBarrier(new CheckpointBarrier(i + 1, 0,
            new CheckpointOptions(CheckpointType.CHECKPOINT, true, true, 0, null)), 0), out);
        peer.send(FrameType.PRIORITY_EVENT, subscribed[0], out.getCopyOfBuffer());
      }
    });
    assertThat(failure.cause()).contains("more than " + RemoteReceiver.MAX_PRIORITY_BACKLOG + " priority events");
  }

  private interface PeerScript {
    void run(RawPeer peer) throws Exception;
  }

  private void assertBadProducerFails(PeerScript script, String expectedCause) throws Exception {
    ChannelFailure failure = runBadProducer(new ChannelId[1], script);
    assertThat(failure.cause()).contains(expectedCause);
  }

  /** Subscribes a channel at a fake producer that runs {@code script}; the failure the consumer sees. */
  private ChannelFailure runBadProducer(ChannelId[] subscribed, PeerScript script) throws Exception {
    try (ServerSocket server = loopbackServer()) {
      ChannelId id = Channels.freshId(10, 0, 0);
      LocalChannel in = consumerSide.inbound(id, address(server), TRADES, 1);
      try (RawPeer peer = RawPeer.accept(server)) {
        peer.readHello();
        peer.hello();
        RawFrame subscribe = peer.readFrame();
        assertThat(subscribe.tag()).isEqualTo(FrameType.SUBSCRIBE.tag);
        assertThat(subscribe.channel()).isEqualTo(id);
        assertThat(ByteBuffer.wrap(subscribe.payload()).getInt()).isEqualTo(1);
        subscribed[0] = id;
        script.run(peer);
        ChannelFailure failure = Channels.awaitFailure(in);
        assertThat(failure.toException()).hasMessageContaining(id.toString());
        return failure;
      }
    }
  }

  private static ServerSocket loopbackServer() throws Exception {
    return new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
  }

  private static InetSocketAddress address(ServerSocket server) {
    return new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
  }
}
