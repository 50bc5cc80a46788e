package io.spate.api.windowing.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import io.spate.api.common.ExecutionConfig;
import io.spate.api.configuration.Configuration;
import io.spate.api.serialization.DataInputDeserializer;
import io.spate.api.serialization.DataOutputSerializer;
import io.spate.api.serialization.TypeSerializer;
import io.spate.api.serialization.TypeSerializerSnapshot;
import io.spate.api.windowing.assigners.DynamicProcessingTimeSessionWindows;
import io.spate.api.windowing.assigners.EventTimeSessionWindows;
import io.spate.api.windowing.assigners.GlobalWindows;
import io.spate.api.windowing.assigners.SlidingProcessingTimeWindows;
import io.spate.api.windowing.assigners.TumblingEventTimeWindows;
import io.spate.api.windowing.assigners.WindowAssigner;
import io.spate.api.windowing.triggers.Trigger;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/** Flink's serializers of time and global windows, and the assigners that hand them out. */
class WindowSerializersTest {

  private static <W> byte[] write(TypeSerializer<W> serializer, W window) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer();
    serializer.serialize(window, out);
    return out.getCopyOfBuffer();
  }

  @Test
  void aTimeWindowSurvivesTheRoundTripInSixteenBytes() {
    TimeWindow.Serializer serializer = new TimeWindow.Serializer();
    qt().forAll(SourceDSL.longs().all(), SourceDSL.longs().all()).checkAssert((start, end) -> {
      TimeWindow window = new TimeWindow(start, end);
      try {
        byte[] bytes = write(serializer, window);
        assertThat(bytes).hasSize(serializer.getLength());
        assertThat(serializer.deserialize(new DataInputDeserializer(bytes))).isEqualTo(window);
        assertThat(serializer.deserialize(new TimeWindow(0, 1), new DataInputDeserializer(bytes))).isEqualTo(window);
        DataOutputSerializer copied = new DataOutputSerializer();
        serializer.copy(new DataInputDeserializer(bytes), copied);
        assertThat(copied.getCopyOfBuffer()).isEqualTo(bytes);
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    });
  }

  @Test
  void theGlobalWindowSurvivesTheRoundTripInOneByte() throws IOException {
    GlobalWindow.Serializer serializer = new GlobalWindow.Serializer();
    byte[] bytes = write(serializer, GlobalWindow.get());
    assertThat(bytes).hasSize(serializer.getLength());
    assertThat(serializer.deserialize(new DataInputDeserializer(bytes))).isSameAs(GlobalWindow.get());
    assertThat(serializer.deserialize(GlobalWindow.get(), new DataInputDeserializer(bytes))).isSameAs(GlobalWindow.get());
    DataOutputSerializer copied = new DataOutputSerializer();
    serializer.copy(new DataInputDeserializer(bytes), copied);
    assertThat(copied.getCopyOfBuffer()).isEqualTo(bytes);
    assertThat(serializer.createInstance()).isSameAs(GlobalWindow.get());
  }

  @Test
  void windowsAreImmutableSoCopiesAreTheWindowsThemselves() {
    TimeWindow window = new TimeWindow(3, 8);
    TimeWindow.Serializer serializer = new TimeWindow.Serializer();
    assertThat(serializer.isImmutableType()).isTrue();
    assertThat(serializer.copy(window)).isSameAs(window);
    assertThat(serializer.copy(window, new TimeWindow(0, 1))).isSameAs(window);
    assertThat(serializer.createInstance()).isNull();
    assertThat(serializer.duplicate()).isSameAs(serializer);
    assertThat(serializer).isEqualTo(new TimeWindow.Serializer()).hasSameHashCodeAs(new TimeWindow.Serializer());
    assertThat(new GlobalWindow.Serializer()).isEqualTo(new GlobalWindow.Serializer()).isNotEqualTo(serializer);
  }

  @Test
  void theSnapshotsRestoreSerializersThatReadTheOldBytes() throws IOException {
    assertThat(restore(new TimeWindow.Serializer().snapshotConfiguration())).isEqualTo(new TimeWindow.Serializer());
    assertThat(restore(new GlobalWindow.Serializer().snapshotConfiguration())).isEqualTo(new GlobalWindow.Serializer());
  }

  private static <T> TypeSerializer<T> restore(TypeSerializerSnapshot<T> snapshot) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer();
    TypeSerializerSnapshot.writeVersionedSnapshot(out, snapshot);
    TypeSerializerSnapshot<T> read = TypeSerializerSnapshot.readVersionedSnapshot(
        new DataInputDeserializer(out.getCopyOfBuffer()), WindowSerializersTest.class.getClassLoader());
    return read.restoreSerializer();
  }

  @Test
  void everyBuiltInAssignerHandsOutTheSerializerOfItsWindows() throws IOException {
    ExecutionConfig config = new ExecutionConfig(new Configuration());
    List<WindowAssigner<?, TimeWindow>> timeAssigners = List.of(
        TumblingEventTimeWindows.of(Duration.ofSeconds(1)),
        SlidingProcessingTimeWindows.of(Duration.ofSeconds(2), Duration.ofSeconds(1)),
        EventTimeSessionWindows.withGap(Duration.ofSeconds(1)),
        DynamicProcessingTimeSessionWindows.withDynamicGap(x -> 5L));
    for (WindowAssigner<?, TimeWindow> assigner : timeAssigners) {
      TypeSerializer<TimeWindow> serializer = assigner.getWindowSerializer(config);
      assertThat(serializer).as("%s", assigner).isInstanceOf(TimeWindow.Serializer.class);
      TimeWindow window = new TimeWindow(-7, 42);
      assertThat(serializer.deserialize(new DataInputDeserializer(write(serializer, window)))).isEqualTo(window);
    }
    assertThat(GlobalWindows.create().getWindowSerializer(config)).isInstanceOf(GlobalWindow.Serializer.class);
    assertThat(GlobalWindows.createWithEndOfStreamTrigger().getWindowSerializer(config))
        .isInstanceOf(GlobalWindow.Serializer.class);
  }

  @Test
  void anAssignerOfItsOwnThatDoesNotSayIsNamed() {
    WindowAssigner<Object, TimeWindow> own = new WindowAssigner<>() {
      @Override
      public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
        return List.of(new TimeWindow(timestamp, timestamp + 1));
      }

      @Override
      public Trigger<Object, TimeWindow> getDefaultTrigger() {
        return null;
      }

      @Override
      public boolean isEventTime() {
        return true;
      }
    };
    assertThatThrownBy(() -> own.getWindowSerializer(new ExecutionConfig(new Configuration())))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining(own.getClass().getName()).hasMessageContaining("override getWindowSerializer");
  }
}
