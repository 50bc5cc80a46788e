package io.spate.api.connector.source.lib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.connector.source.Boundedness;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.typeinfo.Types;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FromElementsSourceTest {

  private static final List<String> ELEMENTS = IntStream.range(0, 1000).mapToObj(i -> "e" + i).toList();

  @Test
  void emitsTheElementsInOrder() throws Exception {
    FromElementsSource<String> source = new FromElementsSource<>(ELEMENTS, Types.STRING);
    assertThat(source.getBoundedness()).isEqualTo(Boundedness.BOUNDED);
    assertThat(source.getProducedType()).isEqualTo(Types.STRING);
    try (var harness = SourceHarness.start(source, 1)) {
      assertThat(harness.runToEnd()).containsExactlyElementsOf(ELEMENTS);
    }
  }

  @Test
  void anEmptyListEndsAtOnce() throws Exception {
    try (var harness = SourceHarness.start(new FromElementsSource<>(List.<String>of(), Types.STRING), 1)) {
      assertThat(harness.runToEnd()).isEmpty();
    }
  }

  @Test
  void withMoreReadersOnlyOneReadsTheElements() throws Exception {
    try (var harness = SourceHarness.start(new FromElementsSource<>(ELEMENTS, Types.STRING), 3)) {
      assertThat(harness.runToEnd()).containsExactlyElementsOf(ELEMENTS);
      assertThat(harness.records(1)).isEmpty();
      assertThat(harness.records(2)).isEmpty();
    }
  }

  @Test
  void rejectsNullElements() {
    assertThatThrownBy(() -> new FromElementsSource<>(Arrays.asList("a", null), Types.STRING))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("element 1 is null");
  }

  @Test
  void aRestoredCheckpointEmitsExactlyTheRemainingElements() throws Exception {
    FromElementsSource<String> source = new FromElementsSource<>(ELEMENTS, Types.STRING);
    List<String> all = new ArrayList<>();
    SourceHarness.Checkpoint checkpoint;
    try (var harness = SourceHarness.start(source, 1)) {
      all.addAll(harness.runUntilRecords(300));
      assertThat(all).hasSizeLessThan(ELEMENTS.size());
      checkpoint = harness.checkpoint(1);
    }
    try (var restored = SourceHarness.restore(source, 1, checkpoint)) {
      all.addAll(restored.runToEnd());
    }
    assertThat(all).containsExactlyElementsOf(ELEMENTS);
  }

  @Test
  void aCheckpointBeforeTheSplitWasAssignedRestoresEverything() throws Exception {
    FromElementsSource<String> source = new FromElementsSource<>(ELEMENTS, Types.STRING);
    SourceHarness.Checkpoint checkpoint;
    try (var harness = SourceHarness.start(source, 1)) {
      checkpoint = harness.checkpoint(1);
    }
    try (var restored = SourceHarness.restore(source, 1, checkpoint)) {
      assertThat(restored.runToEnd()).containsExactlyElementsOf(ELEMENTS);
    }
  }

  @Test
  void aCheckpointOfOtherElementsIsRejected() throws Exception {
    SourceHarness.Checkpoint checkpoint;
    try (var harness = SourceHarness.start(new FromElementsSource<>(ELEMENTS, Types.STRING), 1)) {
      harness.runUntilRecords(300);
      checkpoint = harness.checkpoint(1);
    }
    try (var restored = SourceHarness.restore(new FromElementsSource<>(List.of("x"), Types.STRING), 1, checkpoint)) {
      assertThatThrownBy(restored::runToEnd)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("1000 elements")
          .hasMessageContaining("now has 1");
    }
  }

  /** Not Serializable: the source writes it with the type's serializer. */
  public record Point(int x, String label) {}

  @Test
  void javaSerializationUsesTheTypeSerializerForTheElements() throws Exception {
    List<Point> points = List.of(new Point(1, "a"), new Point(2, "b"));
    FromElementsSource<Point> source = new FromElementsSource<>(points, TypeInformation.of(Point.class));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(source);
    }
    @SuppressWarnings("unchecked")
    FromElementsSource<Point> copy = (FromElementsSource<Point>)
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray())).readObject();
    assertThat(copy.getElements()).isEqualTo(points);
    assertThat(copy.getProducedType()).isEqualTo(source.getProducedType());
  }

  @Test
  void serializersRoundTrip() throws IOException {
    FromElementsSource<String> source = new FromElementsSource<>(ELEMENTS, Types.STRING);
    var splitSerializer = source.getSplitSerializer();
    var split = new FromElementsSource.ElementsSplit(17, 1000);
    assertThat(splitSerializer.deserialize(splitSerializer.getVersion(), splitSerializer.serialize(split)))
        .isEqualTo(split);
    var checkpointSerializer = source.getEnumeratorCheckpointSerializer();
    assertThat(checkpointSerializer.deserialize(
            checkpointSerializer.getVersion(), checkpointSerializer.serialize(List.of(split))))
        .containsExactly(split);
    byte[] positionBeyondSize = {0, 0, 0, 5, 0, 0, 0, 3};
    assertThatThrownBy(() -> splitSerializer.deserialize(1, positionBeyondSize))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("Corrupt elements split");
  }
}
