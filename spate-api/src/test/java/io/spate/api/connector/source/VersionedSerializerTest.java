package io.spate.api.connector.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.serialization.DataInputDeserializer;
import io.spate.api.serialization.DataOutputSerializer;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class VersionedSerializerTest {

  /** Writes a non-negative int; a negative one read back is corrupt input. */
  private static final VersionedSerializer<Integer> COUNTS =
      new VersionedSerializer<>("test count", 3) {
        @Override
        protected void write(Integer value, DataOutputSerializer out) throws IOException {
          out.writeInt(value);
        }

        @Override
        protected Integer read(DataInputDeserializer in) throws IOException {
          int value = in.readInt();
          if (value < 0) {
            throw new IllegalArgumentException("negative count " + value);
          }
          return value;
        }
      };

  @Test
  void roundTripsWithTheSubclassFormat() throws IOException {
    assertThat(COUNTS.getVersion()).isEqualTo(3);
    byte[] bytes = COUNTS.serialize(258);
    assertThat(bytes).containsExactly(0, 0, 1, 2);
    assertThat(COUNTS.deserialize(3, bytes)).isEqualTo(258);
  }

  @Test
  void rejectsOtherVersions() throws IOException {
    byte[] bytes = COUNTS.serialize(1);
    assertThatThrownBy(() -> COUNTS.deserialize(4, bytes))
        .isExactlyInstanceOf(IOException.class)
        .hasMessage("Cannot read a test count of format version 4: this code reads version 3 only");
  }

  @Test
  void rejectsTrailingBytes() throws IOException {
    byte[] bytes = Arrays.copyOf(COUNTS.serialize(1), 6);
    assertThatThrownBy(() -> COUNTS.deserialize(3, bytes))
        .isExactlyInstanceOf(IOException.class)
        .hasMessage("Corrupt test count: 2 unexpected trailing bytes");
  }

  @Test
  void wrapsIllegalArgumentExceptionsOfRead() throws IOException {
    byte[] bytes = COUNTS.serialize(-7);
    assertThatThrownBy(() -> COUNTS.deserialize(3, bytes))
        .isExactlyInstanceOf(IOException.class)
        .hasMessage("Corrupt test count: negative count -7")
        .hasCauseInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void letsIoExceptionsOfReadThrough() {
    assertThatThrownBy(() -> COUNTS.deserialize(3, new byte[] {0, 0}))
        .isInstanceOf(EOFException.class);
  }

  @Test
  void readLengthRejectsLengthsBeyondTheInput() throws IOException {
    DataOutputSerializer out = new DataOutputSerializer();
    out.writeVarInt(5);
    out.write(new byte[] {1, 2});
    DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
    assertThatThrownBy(() -> VersionedSerializer.readLength(in))
        .isInstanceOf(EOFException.class)
        .hasMessage("Corrupt input: a length of 5 with 2 bytes left");
  }
}
