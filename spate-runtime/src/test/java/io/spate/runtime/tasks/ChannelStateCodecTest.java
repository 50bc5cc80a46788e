package io.spate.runtime.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.spate.api.serialization.TypeSerializer;
import io.spate.api.typeinfo.Types;
import io.spate.runtime.CheckedLaw;
import io.spate.runtime.ShrinkingLists;
import io.spate.runtime.StringGens;
import io.spate.runtime.network.RecordBatch;
import io.spate.runtime.state.snapshot.ByteStreamStateHandle;
import io.spate.runtime.state.snapshot.InputChannelStateHandle;
import io.spate.runtime.state.snapshot.MemoryCheckpointStreamFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** In-flight records written for an unaligned checkpoint read back as they were, per operator input. */
class ChannelStateCodecTest {

  private record Rec(int input, String value, long timestamp) {}

  @SuppressWarnings("unchecked")
  private static ChannelStateCodec codec(int channels) {
    TypeSerializer<Object>[] serializers = new TypeSerializer[channels];
    for (int c = 0; c < channels; c++) {
      serializers[c] = (TypeSerializer<Object>) (TypeSerializer<?>) Types.STRING.createSerializer();
    }
    return new ChannelStateCodec(serializers);
  }

  // Channel, batch and timestamp choices come from java.util.Random(seed): a failure shrinks the values
  // and the channel count, while the seed only moves to another choice, not to a smaller one.
  // Shrinking stops after 5000 cycles (QuickTheories' default is 100 per example): each cycle writes
  // and replays channel state, and a failure must be reported within the module's 90 s test timeout.
  @Test
  void writtenRecordsReplayInOrderPerInput() {
    qt().withExamples(200).withShrinkCycles(5000)
        .forAll(ShrinkingLists.of(StringGens.anyChars(0, 255), 0, 40), integers().between(1, 4), longs().all())
        .checkAssert((values, channels, seed) -> CheckedLaw.check(
            () -> writtenRecordsReplayInOrderPerInput(values, channels, seed)));
  }

  private static void writtenRecordsReplayInOrderPerInput(List<String> values, int channels, long seed)
      throws Exception {
    java.util.Random random = new java.util.Random(seed);
    ChannelStateCodec codec = codec(channels);
    int[] inputOf = new int[channels];
    for (int c = 0; c < channels; c++) {
      inputOf[c] = random.nextInt(2);
    }
    List<List<Object>> recorded = new ArrayList<>();
    List<List<Rec>> expectedPerChannel = new ArrayList<>();
    for (int c = 0; c < channels; c++) {
      recorded.add(new ArrayList<>());
      expectedPerChannel.add(new ArrayList<>());
    }
    int i = 0;
    while (i < values.size()) {
      int c = random.nextInt(channels);
      RecordBatch batch = new RecordBatch(4);
      int from = random.nextInt(2);
      for (int k = 0; k < 4 && i < values.size(); k++, i++) {
        long ts = random.nextBoolean() ? Long.MIN_VALUE : random.nextLong();
        batch.add(values.get(i), ts);
        if (k >= from) {
          expectedPerChannel.get(c).add(new Rec(inputOf[c], values.get(i), ts));
        }
      }
      if (batch.size() > from) {
        recorded.get(c).add(codec.serialize(c, batch, from));
      }
    }
    List<Rec> expected = new ArrayList<>();
    for (int input = 0; input < 2; input++) {
      for (int c = 0; c < channels; c++) {
        if (inputOf[c] == input) {
          expected.addAll(expectedPerChannel.get(c));
        }
      }
    }

    MemoryCheckpointStreamFactory streams = new MemoryCheckpointStreamFactory(Integer.MAX_VALUE);
    List<Rec> replayed = new ArrayList<>();
    for (ChannelStateCodec.InputRecords records : ChannelStateCodec.byInput(recorded, inputOf)) {
      InputChannelStateHandle handle = ChannelStateCodec.write(records, streams);
      assertThat(handle.inputIndex()).isEqualTo(records.inputIndex());
      ChannelStateCodec.replay(handle, codec.serializerOfInput(handle.inputIndex(), inputOf),
          (input, value, ts) -> replayed.add(new Rec(input, (String) value, ts)), "test");
    }
    assertThat(replayed).containsExactlyElementsOf(expected);
  }

  private static InputChannelStateHandle handleOf(String... values) throws IOException {
    ChannelStateCodec codec = codec(1);
    RecordBatch batch = new RecordBatch(values.length);
    for (String v : values) {
      batch.add(v, 5);
    }
    List<List<Object>> recorded = List.of(List.of(codec.serialize(0, batch, 0)));
    return ChannelStateCodec.write(ChannelStateCodec.byInput(recorded, new int[] {0}).get(0),
        new MemoryCheckpointStreamFactory(Integer.MAX_VALUE));
  }

  private static byte[] bytesOf(InputChannelStateHandle handle) throws IOException {
    try (InputStream in = handle.records().openInputStream()) {
      return in.readAllBytes();
    }
  }

  @Test
  void truncatedRecordsFailWithAMessageNamingTheStateAndRecord() throws Exception {
    InputChannelStateHandle handle = handleOf("alpha", "beta", "gamma");
    byte[] bytes = bytesOf(handle);
    InputChannelStateHandle truncated = new InputChannelStateHandle(0,
        new ByteStreamStateHandle("cut", Arrays.copyOf(bytes, bytes.length - 3)), 3);
    List<Object> seen = new ArrayList<>();
    assertThatThrownBy(() -> ChannelStateCodec.replay(truncated, codec(1).serializerOfInput(0, new int[] {0}),
        (input, value, ts) -> seen.add(value), "input 0 of operator 'map' in checkpoint 4"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("input 0 of operator 'map' in checkpoint 4")
        .hasMessageContaining("corrupt at record 2");
  }

  @Test
  void aCountThatDisagreesWithTheHandleIsRejected() throws Exception {
    InputChannelStateHandle handle = handleOf("alpha");
    InputChannelStateHandle wrong = new InputChannelStateHandle(0, handle.records(), 2);
    assertThatThrownBy(() -> ChannelStateCodec.replay(wrong, codec(1).serializerOfInput(0, new int[] {0}),
        (input, value, ts) -> {}, "input 0"))
        .hasMessageContaining("holds 1 records but its handle says 2");
  }

  @Test
  void anInputTheTaskDoesNotHaveIsRejected() {
    assertThatThrownBy(() -> codec(1).serializerOfInput(1, new int[] {0}))
        .hasMessageContaining("belong to input 1, which this task does not have");
  }
}
