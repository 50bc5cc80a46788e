package io.spate.connectors.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import io.spate.api.connector.source.SimpleVersionedSerializer;
import io.spate.api.serialization.BasicValueGenerators;
import io.spate.api.serialization.DataOutputSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/** File source splits and positions: serializer round trips (also from format 1) and value equality. */
class FileSourceSplitProperties {

  private final SimpleVersionedSerializer<FileSourceSplit> serializer = FileSourceSplit.serializer();

  private static Gen<FileSourceSplit> splits() {
    Gen<Long> offsets = SourceDSL.longs().between(CheckpointedPosition.NO_OFFSET, Long.MAX_VALUE);
    Gen<Long> counts = SourceDSL.longs().between(0, Long.MAX_VALUE);
    return BasicValueGenerators.strings(1, 40).zip(offsets, counts, FileSourceSplit::new);
  }

  private FileSourceSplit roundTrip(int version, byte[] bytes) {
    try {
      return serializer.deserialize(version, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private byte[] serialize(FileSourceSplit split) {
    try {
      return serializer.serialize(split);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void splitsRoundTrip() {
    qt().forAll(splits()).checkAssert(split -> {
      FileSourceSplit copy = roundTrip(serializer.getVersion(), serialize(split));
      assertThat(copy).isEqualTo(split);
      assertThat(copy.hashCode()).isEqualTo(split.hashCode());
      assertThat(copy.getReaderPosition()).isEqualTo(split.getReaderPosition());
    });
  }

  @Test
  void formatOneSplitsAreReadWithNoRecordsToSkip() {
    qt().forAll(BasicValueGenerators.strings(1, 40), SourceDSL.longs().between(0, Long.MAX_VALUE))
        .checkAssert((path, offset) -> {
          DataOutputSerializer out = new DataOutputSerializer();
          try {
            out.writeUTF(path);
            out.writeLong(offset);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          assertThat(roundTrip(1, out.getCopyOfBuffer())).isEqualTo(new FileSourceSplit(path, offset));
        });
  }

  @Test
  void truncatedBytesAndUnknownVersionsAreRejected() {
    qt().forAll(splits()).checkAssert(split -> {
      byte[] bytes = serialize(split);
      byte[] truncated = Arrays.copyOf(bytes, bytes.length - 1);
      assertThatThrownBy(() -> serializer.deserialize(serializer.getVersion(), truncated))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("file source split");
      byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
      assertThatThrownBy(() -> serializer.deserialize(serializer.getVersion(), longer))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("trailing");
    });
    assertThatThrownBy(() -> serializer.deserialize(3, new byte[0]))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("version 3");
  }

  @Test
  void equalityFollowsEveryField() {
    qt().forAll(splits(), splits()).checkAssert((a, b) -> {
      boolean sameFields = a.localPath().equals(b.localPath()) && a.offset() == b.offset()
          && a.recordsToSkip() == b.recordsToSkip();
      assertThat(a.equals(b)).isEqualTo(sameFields);
      FileSourceSplit moved = a.updateWithCheckpointedPosition(
          new CheckpointedPosition(b.offset(), b.recordsToSkip()));
      assertThat(moved).isEqualTo(new FileSourceSplit(a.localPath(), b.offset(), b.recordsToSkip()));
      assertThat(moved.hashCode()).isEqualTo(new FileSourceSplit(a.localPath(), b.offset(), b.recordsToSkip()).hashCode());
    });
  }

  @Test
  void positionsAreValues() {
    Gen<CheckpointedPosition> positions = SourceDSL.longs().between(CheckpointedPosition.NO_OFFSET, 1000)
        .zip(SourceDSL.longs().between(0, 1000), CheckpointedPosition::new);
    qt().forAll(positions, positions).checkAssert((a, b) -> {
      CheckpointedPosition copy = new CheckpointedPosition(a.getOffset(), a.getRecordsAfterOffset());
      assertThat(copy).isEqualTo(a).hasSameHashCodeAs(a);
      assertThat(a.equals(b)).isEqualTo(
          a.getOffset() == b.getOffset() && a.getRecordsAfterOffset() == b.getRecordsAfterOffset());
    });
    assertThatThrownBy(() -> new CheckpointedPosition(-2, 0)).hasMessageContaining("-2");
    assertThatThrownBy(() -> new CheckpointedPosition(0, -1)).hasMessageContaining("-1");
  }
}
