package io.spate.runtime.network.remote;

import io.spate.runtime.ShrinkingLists;
import io.spate.runtime.network.ChannelId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.spate.api.common.JobID;
import io.spate.api.serialization.DataInputDeserializer;
import io.spate.api.serialization.DataOutputSerializer;
import io.spate.runtime.CheckedLaw;
import io.spate.runtime.StringGens;
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
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

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

  @Test
  void framesSurviveAnyCutOfTheByteStream() {
    qt().withExamples(300)
        .forAll(ShrinkingLists.of(frames(), 0, 20), ShrinkingLists.of(integers().between(1, 300), 1, 10))
        .checkAssert((frames, cuts) -> CheckedLaw.check(() -> framesSurviveAnyCutOfTheByteStream(frames, cuts)));
  }

  private static void framesSurviveAnyCutOfTheByteStream(List<FrameSpec> frames, List<Integer> cuts)
      throws Exception {
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

  private static Gen<FrameSpec> frames() {
    Gen<FrameType> types = Generate.enumValues(FrameType.class);
    Gen<byte[]> payloads = Generate.byteArrays(integers().between(0, 600),
        Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0));
    return types.zip(channelIds(), payloads,
        (type, id, payload) -> new FrameSpec(type, type.hasChannel ? id : null, payload));
  }

  private static Gen<ChannelId> channelIds() {
    Gen<Integer> natural = integers().between(0, Integer.MAX_VALUE);
    return longs().all().zip(longs().all(), JobID::new)
        .zip(natural, natural, natural, natural, ChannelId::new);
  }

  @Test
  void batchesKeepTheirRecordsAndTimestamps() {
    qt().withExamples(300)
        .forAll(ShrinkingLists.of(trades(), 0, 40), lists().of(longs().all()).ofSize(40),
            integers().between(0, 20))
        .checkAssert((trades, timestamps, extraCapacity) -> CheckedLaw.check(
            () -> batchesKeepTheirRecordsAndTimestamps(trades, timestamps, extraCapacity)));
  }

  private static void batchesKeepTheirRecordsAndTimestamps(List<Trade> trades, List<Long> timestamps,
      int extraCapacity) throws Exception {
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

  private static Gen<Trade> trades() {
    return StringGens.anyChars(0, 30).zip(longs().all(), Trade::new);
  }

  @Test
  void eventsKeepTheirContent() {
    qt().withExamples(300).forAll(events())
        .checkAssert(event -> CheckedLaw.check(() -> eventsKeepTheirContent(event)));
  }

  private static void eventsKeepTheirContent(Object event) throws Exception {
    DataOutputSerializer out = new DataOutputSerializer();
    if (event instanceof PriorityBarrier) {
      EventCodec.writePriorityEvent(event, out);
      assertThat(EventCodec.readPriorityEvent(new DataInputDeserializer(out.getCopyOfBuffer()))).isEqualTo(event);
    } else {
      EventCodec.writeEvent(event, out);
      assertThat(EventCodec.readEvent(new DataInputDeserializer(out.getCopyOfBuffer()))).isEqualTo(event);
    }
  }

  private static Gen<Object> events() {
    Gen<String> nullOrString = StringGens.anyChars(0, 40).toOptionals(50).map(o -> o.orElse(null));
    Gen<CheckpointOptions> options = Generate.enumValues(CheckpointType.class)
        .zip(booleans().all(), booleans().all(), longs().between(0, Long.MAX_VALUE), nullOrString,
            CheckpointOptions::new);
    Gen<CheckpointBarrier> barriers = longs().all().zip(longs().all(), options, CheckpointBarrier::new);
    return Generate.oneOf(
        longs().all().map(t -> (Object) new WatermarkElement(t)),
        Generate.enumValues(WatermarkStatus.class).map(s -> (Object) s),
        barriers.map(b -> (Object) b),
        Generate.constant((Object) StreamElements.END_OF_PARTITION),
        barriers.zip(longs().between(0, Long.MAX_VALUE), (b, t) -> (Object) new PriorityBarrier(b, t)));
  }
}
