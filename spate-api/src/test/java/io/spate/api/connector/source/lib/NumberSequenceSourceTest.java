package io.spate.api.connector.source.lib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import io.spate.api.connector.source.Boundedness;
import io.spate.api.serialization.BasicValueGenerators;
import io.spate.api.typeinfo.Types;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

class NumberSequenceSourceTest {

  @Test
  void oneReaderEmitsTheWholeRangeInOrder() throws Exception {
    try (var harness = SourceHarness.start(new NumberSequenceSource(1, 5000), 1)) {
      assertThat(harness.runToEnd()).containsExactlyElementsOf(range(1, 5000));
      assertThat(harness.assignments(0)).hasSize(NumberSequenceSource.SPLITS_PER_READER);
    }
  }

  @Test
  void describesItself() {
    NumberSequenceSource source = new NumberSequenceSource(3, 7);
    assertThat(source.getBoundedness()).isEqualTo(Boundedness.BOUNDED);
    assertThat(source.getProducedType()).isEqualTo(Types.LONG);
    assertThat(source.getFrom()).isEqualTo(3);
    assertThat(source.getTo()).isEqualTo(7);
  }

  @Test
  void rejectsAnInvertedRange() {
    assertThatThrownBy(() -> new NumberSequenceSource(5, 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'from' (5) must not be greater than 'to' (4)");
  }

  @Test
  void reachesTheEndsOfTheLongRangeWithoutOverflow() throws Exception {
    try (var harness = SourceHarness.start(new NumberSequenceSource(Long.MAX_VALUE - 2000, Long.MAX_VALUE), 2)) {
      List<Long> records = new ArrayList<>(harness.runToEnd());
      records.sort(null);
      assertThat(records).containsExactlyElementsOf(range(Long.MAX_VALUE - 2000, Long.MAX_VALUE));
    }
    try (var harness = SourceHarness.start(new NumberSequenceSource(Long.MIN_VALUE, Long.MIN_VALUE + 10), 3)) {
      List<Long> records = new ArrayList<>(harness.runToEnd());
      records.sort(null);
      assertThat(records).containsExactlyElementsOf(range(Long.MIN_VALUE, Long.MIN_VALUE + 10));
    }
  }

  @Test
  void readersTogetherEmitEveryNumberExactlyOnce() {
    // Each try runs a source: shrinking is bounded, as each of its steps runs one too.
    qt().withExamples(100).withShrinkCycles(300)
        .forAll(SourceDSL.longs().between(-1_000_000_000_000L, 1_000_000_000_000L),
            SourceDSL.integers().between(0, 2500), SourceDSL.integers().between(1, 9))
        .checkAssert((from, length, parallelism) -> {
          try {
            readersEmitEveryNumberOnce(from, length, parallelism);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
  }

  private static void readersEmitEveryNumberOnce(long from, int length, int parallelism) throws Exception {
    long to = from + length;
    try (var harness = SourceHarness.start(new NumberSequenceSource(from, to), parallelism)) {
      List<Long> records = new ArrayList<>(harness.runToEnd());
      records.sort(null);
      assertThat(records).containsExactlyElementsOf(range(from, to));
      // Each reader reads its splits in order, each split ascending.
      for (int i = 0; i < parallelism; i++) {
        List<Long> own = new ArrayList<>();
        for (NumberSequenceSplit split : harness.assignments(i)) {
          own.addAll(range(split.from(), split.to()));
        }
        assertThat(harness.records(i)).containsExactlyElementsOf(own);
      }
    }
  }

  @Test
  void splitsAreContiguousNearlyEqualAndCoverTheRange() {
    qt().withExamples(500).forAll(anyRange(), SourceDSL.integers().between(1, 64))
        .checkAssert(NumberSequenceSourceTest::splitsAreContiguousAndEven);
  }

  private static void splitsAreContiguousAndEven(long[] range, int maxSplits) {
    long from = range[0];
    long to = range[1];
    List<NumberSequenceSplit> splits = NumberSequenceSource.splitRange(from, to, maxSplits);
    BigInteger size = BigInteger.valueOf(to).subtract(BigInteger.valueOf(from)).add(BigInteger.ONE);
    assertThat(splits).hasSize(size.min(BigInteger.valueOf(maxSplits)).intValueExact());
    assertThat(splits.get(0).from()).isEqualTo(from);
    assertThat(splits.get(splits.size() - 1).to()).isEqualTo(to);
    BigInteger smallest = null;
    BigInteger largest = null;
    for (int i = 0; i < splits.size(); i++) {
      NumberSequenceSplit split = splits.get(i);
      assertThat(split.splitId()).isEqualTo(Integer.toString(i));
      if (i > 0) {
        assertThat(split.from()).isEqualTo(splits.get(i - 1).to() + 1);
      }
      BigInteger splitSize = BigInteger.valueOf(split.to()).subtract(BigInteger.valueOf(split.from())).add(BigInteger.ONE);
      smallest = smallest == null ? splitSize : smallest.min(splitSize);
      largest = largest == null ? splitSize : largest.max(splitSize);
    }
    assertThat(largest.subtract(smallest)).isLessThanOrEqualTo(BigInteger.ONE);
  }

  /** Ranges from and to any long, the extremes and 0 among them. */
  private static Gen<long[]> anyRange() {
    Gen<Long> edgy = BasicValueGenerators.longs();
    return edgy.zip(edgy, (a, b) -> new long[] {Math.min(a, b), Math.max(a, b)}).describedAs(java.util.Arrays::toString);
  }

  @Test
  void theFullLongRangeSplitsWithoutOverflow() {
    List<NumberSequenceSplit> splits = NumberSequenceSource.splitRange(Long.MIN_VALUE, Long.MAX_VALUE, 4);
    assertThat(splits).containsExactly(
        new NumberSequenceSplit("0", Long.MIN_VALUE, -4611686018427387905L),
        new NumberSequenceSplit("1", -4611686018427387904L, -1),
        new NumberSequenceSplit("2", 0, 4611686018427387903L),
        new NumberSequenceSplit("3", 4611686018427387904L, Long.MAX_VALUE));
    assertThat(NumberSequenceSource.splitRange(5, 4, 3)).isEmpty();
  }

  @Test
  void batchSizeHandlesHugeRemainders() {
    assertThat(NumberSequenceSource.batchSize(Long.MIN_VALUE, Long.MAX_VALUE, 1024)).isEqualTo(1024);
    assertThat(NumberSequenceSource.batchSize(7, 7, 1024)).isEqualTo(1);
    assertThat(NumberSequenceSource.batchSize(0, 1023, 1024)).isEqualTo(1024);
    assertThat(NumberSequenceSource.batchSize(0, 1022, 1024)).isEqualTo(1023);
  }

  @Test
  void aRestoredCheckpointEmitsExactlyTheRemainingNumbers() {
    qt().withExamples(15).withShrinkCycles(100)
        .forAll(SourceDSL.integers().between(1, 5), SourceDSL.integers().between(1, 5),
            SourceDSL.integers().between(0, 12_000))
        .checkAssert((parallelism, restoredParallelism, recordsBeforeCheckpoint) -> {
          try {
            aRestoredCheckpointEmitsTheRest(parallelism, restoredParallelism, recordsBeforeCheckpoint);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
  }

  private static void aRestoredCheckpointEmitsTheRest(
      int parallelism, int restoredParallelism, int recordsBeforeCheckpoint) throws Exception {
    NumberSequenceSource source = new NumberSequenceSource(0, 11_999);
    List<Long> before;
    SourceHarness.Checkpoint checkpoint;
    try (var harness = SourceHarness.start(source, parallelism)) {
      before = new ArrayList<>(harness.runUntilRecords(recordsBeforeCheckpoint));
      checkpoint = harness.checkpoint(1);
      // The original keeps running after the checkpoint, as a job would until it fails.
      harness.runToEnd();
    }
    try (var restored = SourceHarness.restore(source, restoredParallelism, checkpoint)) {
      List<Long> all = new ArrayList<>(before);
      all.addAll(restored.runToEnd());
      all.sort(null);
      assertThat(all).isEqualTo(range(0, 11_999));
    }
  }

  @Test
  void serializersRoundTrip() throws IOException {
    var splitSerializer = new NumberSequenceSource(0, 1).getSplitSerializer();
    NumberSequenceSplit split = new NumberSequenceSplit("17", Long.MIN_VALUE, Long.MAX_VALUE);
    assertThat(splitSerializer.deserialize(splitSerializer.getVersion(), splitSerializer.serialize(split)))
        .isEqualTo(split);

    var checkpointSerializer = new NumberSequenceSource(0, 1).getEnumeratorCheckpointSerializer();
    List<NumberSequenceSplit> splits = NumberSequenceSource.splitRange(-5, 1000, 7);
    assertThat(checkpointSerializer.deserialize(checkpointSerializer.getVersion(), checkpointSerializer.serialize(splits)))
        .isEqualTo(splits);
    assertThat(checkpointSerializer.deserialize(checkpointSerializer.getVersion(), checkpointSerializer.serialize(List.of())))
        .isEmpty();
  }

  @Test
  void serializersRejectUnknownVersionsAndCorruptBytes() throws IOException {
    var splitSerializer = NumberSequenceSplit.serializer();
    byte[] bytes = splitSerializer.serialize(new NumberSequenceSplit("1", 1, 2));
    assertThatThrownBy(() -> splitSerializer.deserialize(99, bytes))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("version 99");
    byte[] inverted = splitSerializer.serialize(new NumberSequenceSplit("1", 1, 1));
    inverted[inverted.length - 1] = 0;
    assertThatThrownBy(() -> splitSerializer.deserialize(1, inverted))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("Corrupt");
    var listSerializer = new NumberSequenceSource(0, 1).getEnumeratorCheckpointSerializer();
    assertThatThrownBy(() -> listSerializer.deserialize(1, new byte[] {100}))
        .isInstanceOf(IOException.class);
  }

  static List<Long> range(long from, long to) {
    return LongStream.rangeClosed(from, to).boxed().toList();
  }
}
