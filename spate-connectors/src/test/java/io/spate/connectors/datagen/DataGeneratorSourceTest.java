package io.spate.connectors.datagen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.connector.source.Boundedness;
import io.spate.api.connector.source.InputStatus;
import io.spate.api.connector.source.SourceReaderContext;
import io.spate.api.connector.source.lib.SourceHarness;
import io.spate.api.typeinfo.Types;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class DataGeneratorSourceTest {

  @Test
  void generatesOneRecordPerIndexAcrossReaders() throws Exception {
    DataGeneratorSource<String> source = new DataGeneratorSource<>(i -> "v" + i, 5000, Types.STRING);
    assertThat(source.getBoundedness()).isEqualTo(Boundedness.BOUNDED);
    assertThat(source.getProducedType()).isEqualTo(Types.STRING);
    try (var harness = SourceHarness.start(source, 3)) {
      assertThat(harness.runToEnd())
          .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 5000).mapToObj(i -> "v" + i).toList());
      for (int i = 0; i < 3; i++) {
        assertThat(harness.records(i)).isNotEmpty();
      }
    }
  }

  @Test
  void aCountOfZeroEndsAtOnce() throws Exception {
    try (var harness = SourceHarness.start(new DataGeneratorSource<>(i -> i, 0, Types.LONG), 2)) {
      assertThat(harness.runToEnd()).isEmpty();
    }
  }

  @Test
  void rejectsANegativeCount() {
    assertThatThrownBy(() -> new DataGeneratorSource<>(i -> i, -1, Types.LONG))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
  }

  @Test
  void maxValueCountIsUnboundedAndKeepsGenerating() throws Exception {
    DataGeneratorSource<Long> source = new DataGeneratorSource<>(i -> i * 2, Long.MAX_VALUE, Types.LONG);
    assertThat(source.getBoundedness()).isEqualTo(Boundedness.CONTINUOUS_UNBOUNDED);
    try (var harness = SourceHarness.start(source, 2)) {
      List<Long> records = harness.runUntilRecords(20_000);
      assertThat(records.size()).isGreaterThanOrEqualTo(20_000);
      assertThat(new HashSet<>(records)).hasSameSizeAs(records);
      assertThat(records).allMatch(v -> v % 2 == 0);
      assertThat(harness.allEnded()).isFalse();
    }
  }

  @Test
  void opensAndClosesTheGeneratorOncePerReader() throws Exception {
    CountingGenerator.OPENED.set(0);
    CountingGenerator.CLOSED.set(0);
    try (var harness = SourceHarness.start(new DataGeneratorSource<>(new CountingGenerator(), 10, Types.STRING), 2)) {
      assertThat(CountingGenerator.OPENED).hasValue(2);
      assertThat(harness.runToEnd()).hasSize(10).allMatch(s -> s.startsWith("opened-"));
    }
    assertThat(CountingGenerator.CLOSED).hasValue(2);
  }

  static final class CountingGenerator implements GeneratorFunction<Long, String> {
    static final AtomicInteger OPENED = new AtomicInteger();
    static final AtomicInteger CLOSED = new AtomicInteger();
    private transient String prefix;

    @Override
    public void open(SourceReaderContext readerContext) {
      OPENED.incrementAndGet();
      prefix = "opened-" + readerContext.getIndexOfSubtask() + "-";
    }

    @Override
    public String map(Long value) {
      return prefix + value;
    }

    @Override
    public void close() {
      CLOSED.incrementAndGet();
    }
  }

  @Test
  void aRateLimitedReaderWaitsOnAFutureInsteadOfBlocking() throws Exception {
    DataGeneratorSource<Long> source =
        new DataGeneratorSource<>(i -> i, 10, RateLimiterStrategy.perSecond(0.5), Types.LONG);
    try (var harness = SourceHarness.start(source, 1)) {
      // The first permit is due at once; the next one two seconds later.
      harness.runUntilRecords(1);
      assertThat(harness.records()).containsExactly(0L);
      var reader = harness.reader(0);
      assertThat(reader.isAvailable()).isDone();
      // Had pollNext waited for the permit, it would have emitted the next record instead.
      InputStatus status = reader.pollNext(new SourceHarness.RecordingOutput<>());
      assertThat(status).isEqualTo(InputStatus.NOTHING_AVAILABLE);
      assertThat(reader.isAvailable()).isNotDone();
    }
  }

  @Test
  void aRateLimitedSourceStillDeliversEverything() throws Exception {
    DataGeneratorSource<Long> source =
        new DataGeneratorSource<>(i -> i, 200, RateLimiterStrategy.perSecond(4000), Types.LONG);
    try (var harness = SourceHarness.start(source, 2)) {
      List<Long> records = new ArrayList<>(harness.runToEnd());
      records.sort(null);
      assertThat(records).containsExactlyElementsOf(LongStream.rangeClosed(0, 199).boxed().toList());
    }
  }

  @Test
  void survivesJavaSerializationWithItsRateLimiter() throws Exception {
    DataGeneratorSource<String> source =
        new DataGeneratorSource<>(i -> "s" + i, 5, RateLimiterStrategy.perSecond(1e6), Types.STRING);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(source);
    }
    @SuppressWarnings("unchecked")
    DataGeneratorSource<String> copy = (DataGeneratorSource<String>)
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray())).readObject();
    try (var harness = SourceHarness.start(copy, 1)) {
      assertThat(harness.runToEnd()).containsExactly("s0", "s1", "s2", "s3", "s4");
    }
  }

  @Test
  void aRestoredCheckpointGeneratesExactlyTheRemainingRecords() throws Exception {
    DataGeneratorSource<Long> source = new DataGeneratorSource<>(i -> i, 30_000, Types.LONG);
    List<Long> all = new ArrayList<>();
    SourceHarness.Checkpoint checkpoint;
    try (var harness = SourceHarness.start(source, 3)) {
      all.addAll(harness.runUntilRecords(10_000));
      checkpoint = harness.checkpoint(7);
    }
    try (var restored = SourceHarness.restore(source, 2, checkpoint)) {
      all.addAll(restored.runToEnd());
    }
    Set<Long> distinct = new HashSet<>(all);
    assertThat(distinct).hasSize(30_000);
    assertThat(all).hasSize(30_000);
  }
}
