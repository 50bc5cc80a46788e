package io.spate.runtime.network.remote;

import io.spate.runtime.network.ChannelId;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.spate.api.common.JobID;
import io.spate.api.serialization.DataInputDeserializer;
import io.spate.api.serialization.DataOutputSerializer;
import io.spate.runtime.checkpoint.CheckpointBarrier;
import io.spate.runtime.checkpoint.CheckpointOptions;
import io.spate.runtime.checkpoint.CheckpointType;
import io.spate.runtime.network.LocalChannel;
import io.spate.runtime.network.PriorityBarrier;
import io.spate.runtime.network.RecordBatch;
import io.spate.runtime.network.StreamElements;
import io.spate.runtime.network.StreamElements.WatermarkElement;
import io.spate.api.operators.WatermarkStatus;
import io.spate.runtime.network.remote.Channels.Trade;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Round trips of the wire formats: frames through any cut of the byte stream, batches and events. */
class WireCodecPropertiesTest {

  private static final int MAX_FRAME = 1 << 16;

  /** A frame to send: its type, channel and payload. */
  record FrameSpec(FrameType type, ChannelId channel, byte[] payload) {
    @Override
    public boolean equals(Object o) {
      return o instanceof FrameSpec f && f.type == type && java.util.Objects.equals(f.channel, channel)
          && Arrays.equals(f.payload, payload);
    }

    @Override
    public int hashCode() {
      return type.hashCode();
    }

    @Override
    public String toString() {
      return type + " " + channel + " " + payload.length + " bytes";
    }
  }

  @Property(tries = 300)
  void framesSurviveAnyCutOfTheByteStream(
      @ForAll @Size(max = 20) List<@From("frames") FrameSpec> frames,
      @ForAll @Size(min = 1, max = 10) List<@IntRange(min = 1, max = 300) Integer> cuts) throws Exception {
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    for (FrameSpec frame : frames) {
      ByteBuf buf = FrameEncoder.encode(ByteBufAllocator.DEFAULT, frame.type(), frame.channel(), frame.payload(), 0,
          frame.payload().length, MAX_FRAME);
      byte[] bytes = new byte[buf.readableBytes()];
      buf.readBytes(bytes);
      buf.release();
      wire.write(bytes);
    }
    byte[] bytes = wire.toByteArray();
    EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoder(MAX_FRAME));
    int offset = 0;
    for (int i = 0; offset < bytes.length; i++) {
      int length = Math.min(cuts.get(i % cuts.size()), bytes.length - offset);
      channel.writeInbound(Unpooled.wrappedBuffer(bytes, offset, length));
      offset += length;
    }
    List<FrameSpec> decoded = new ArrayList<>();
    Frame frame;
    while ((frame = channel.readInbound()) != null) {
      byte[] payload = new byte[frame.payload().readableBytes()];
      frame.payload().readBytes(payload);
      frame.payload().release();
      decoded.add(new FrameSpec(frame.type(), frame.channel(), payload));
    }
    assertThat(decoded).isEqualTo(frames);
    assertThat(channel.finish()).isFalse();
  }

  @Provide
  Arbitrary<FrameSpec> frames() {
    Arbitrary<FrameType> types = Arbitraries.of(FrameType.class);
    Arbitrary<byte[]> payloads = Arbitraries.bytes().array(byte[].class).ofMaxSize(600);
    return Combinators.combine(types, channelIds(), payloads)
        .as((type, id, payload) -> new FrameSpec(type, type.hasChannel ? id : null, payload));
  }

  @Provide
  Arbitrary<ChannelId> channelIds() {
    Arbitrary<Integer> natural = Arbitraries.integers().greaterOrEqual(0);
    return Combinators.combine(Arbitraries.longs(), Arbitraries.longs(), natural, natural, natural, natural)
        .as((upper, lower, attempt, edge, producer, consumer) ->
            new ChannelId(new JobID(upper, lower), attempt, edge, producer, consumer));
  }

  @Property(tries = 300)
  void batchesKeepTheirRecordsAndTimestamps(
      @ForAll @Size(max = 40) List<@From("trades") Trade> trades,
      @ForAll @Size(min = 40, max = 40) List<Long> timestamps,
      @ForAll @IntRange(min = 0, max = 20) int extraCapacity) throws Exception {
    RecordBatch batch = new RecordBatch(Math.max(1, trades.size() + extraCapacity));
    for (int i = 0; i < trades.size(); i++) {
      batch.add(trades.get(i), timestamps.get(i), "a key that does not travel");
    }
    BatchCodec codec = new BatchCodec(Channels.TRADES, MAX_FRAME);
    DataOutputSerializer out = new DataOutputSerializer();
    codec.write(batch, out);

    RecordBatch read = codec.read(new DataInputDeserializer(out.getCopyOfBuffer()), new LocalChannel("test", 1));

    assertThat(Channels.content(read)).isEqualTo(Channels.content(batch));
    assertThat(read.capacity()).isEqualTo(batch.capacity());
    assertThat(read.hasKeys()).isFalse();
  }

  @Provide
  Arbitrary<Trade> trades() {
    return Combinators.combine(Arbitraries.strings().ofMaxLength(30), Arbitraries.longs()).as(Trade::new);
  }

  @Property(tries = 300)
  void eventsKeepTheirContent(@ForAll("events") Object event) throws Exception {
    DataOutputSerializer out = new DataOutputSerializer();
    if (event instanceof PriorityBarrier) {
      EventCodec.writePriorityEvent(event, out);
      assertThat(EventCodec.readPriorityEvent(new DataInputDeserializer(out.getCopyOfBuffer()))).isEqualTo(event);
    } else {
      EventCodec.writeEvent(event, out);
      assertThat(EventCodec.readEvent(new DataInputDeserializer(out.getCopyOfBuffer()))).isEqualTo(event);
    }
  }

  @Provide
  Arbitrary<Object> events() {
    Arbitrary<CheckpointOptions> options = Combinators.combine(Arbitraries.of(CheckpointType.class),
            Arbitraries.of(true, false), Arbitraries.of(true, false), Arbitraries.longs().greaterOrEqual(0),
            Arbitraries.strings().ofMaxLength(40).injectNull(0.5))
        .as(CheckpointOptions::new);
    Arbitrary<CheckpointBarrier> barriers = Combinators.combine(
        Arbitraries.longs(), Arbitraries.longs(), options).as(CheckpointBarrier::new);
    return Arbitraries.<Object>oneOf(
        Arbitraries.longs().map(WatermarkElement::new),
        Arbitraries.of(WatermarkStatus.class),
        barriers,
        Arbitraries.just(StreamElements.END_OF_PARTITION),
        Combinators.combine(barriers, Arbitraries.longs().greaterOrEqual(0)).as(PriorityBarrier::new));
  }
}
