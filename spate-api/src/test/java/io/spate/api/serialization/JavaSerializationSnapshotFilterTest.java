package io.spate.api.serialization;

import static io.spate.api.serialization.SnapshotTesting.readSnapshot;
import static io.spate.api.serialization.SnapshotTesting.snapshotBytes;
import static io.spate.api.serialization.SnapshotTesting.snapshotRoundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.junit.jupiter.api.Test;

/** What a Java-serialized serializer snapshot, read from a savepoint file, may and may not hold. */
class JavaSerializationSnapshotFilterTest {

  /** A serializer without a snapshot of its own, holding whatever its configuration is. */
  static final class ConfiguredSerializer extends ImmutableValueSerializer<String> {
    private static final long serialVersionUID = 1L;
    final Object configuration;

    ConfiguredSerializer(Object configuration) {
      this.configuration = configuration;
    }

    @Override
    public void serialize(String value, DataOutputView target) throws IOException {
      target.writeUTF(value);
    }

    @Override
    public String deserialize(DataInputView source) throws IOException {
      return source.readUTF();
    }
  }

  @Test
  void aSerializerWithCollectionsEnumsValuesAndClassesRestores() {
    Object configuration = List.of(new ArrayList<>(List.of("a", 1, 2L)), Map.of("day", DayOfWeek.MONDAY),
        Duration.ofSeconds(3), String.class, new int[] {1, 2}, new StringSerializer[] {StringSerializer.INSTANCE});
    TypeSerializerSnapshot<String> snapshot = snapshotRoundTrip(new ConfiguredSerializer(configuration));
    assertThat(snapshot).isInstanceOf(JavaSerializationSnapshot.class);
    ConfiguredSerializer restored = (ConfiguredSerializer) snapshot.restoreSerializer();
    assertThat(((List<?>) restored.configuration).get(1)).isEqualTo(Map.of("day", DayOfWeek.MONDAY));
  }

  @Test
  void aClassOutsideTheAllowedOnesIsRefusedByName() {
    PriorityQueue<String> queue = new PriorityQueue<>(List.of("b", "a"));
    byte[] bytes = snapshotBytes(new ConfiguredSerializer(queue));
    assertThatThrownBy(() -> readSnapshot(bytes, getClass().getClassLoader()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("Refused to read a Java-serialized serializer snapshot")
        .hasMessageContaining("class java.util.PriorityQueue is not allowed");
  }

  @Test
  void deepNestingIsRefused() {
    List<Object> nested = new ArrayList<>();
    List<Object> innermost = nested;
    for (int i = 0; i < SerializerSnapshotFilter.MAX_DEPTH + 10; i++) {
      List<Object> next = new ArrayList<>();
      innermost.add(next);
      innermost = next;
    }
    byte[] bytes = snapshotBytes(new ConfiguredSerializer(nested));
    assertThatThrownBy(() -> readSnapshot(bytes, getClass().getClassLoader()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("nests deeper than " + SerializerSnapshotFilter.MAX_DEPTH);
  }

  @Test
  void aHugeArrayIsRefused() {
    byte[] bytes = snapshotBytes(new ConfiguredSerializer(new byte[(int) SerializerSnapshotFilter.MAX_ARRAY_LENGTH + 1]));
    assertThatThrownBy(() -> readSnapshot(bytes, getClass().getClassLoader()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("an array of " + (SerializerSnapshotFilter.MAX_ARRAY_LENGTH + 1) + " elements");
  }

  @Test
  void bytesThatHoldNoSerializerAreRefused() throws IOException {
    ByteArrayOutputStream objectBytes = new ByteArrayOutputStream();
    try (ObjectOutputStream objects = new ObjectOutputStream(objectBytes)) {
      objects.writeObject("not a serializer");
    }
    DataOutputSerializer out = new DataOutputSerializer(64);
    out.writeUTF(JavaSerializationSnapshot.class.getName());
    out.writeVarInt(1);
    out.writeVarInt(objectBytes.size());
    out.write(objectBytes.toByteArray());
    assertThatThrownBy(() -> readSnapshot(out.getCopyOfBuffer(), getClass().getClassLoader()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("holds a java.lang.String, not a serializer");
  }
}
