package io.spate.api.serialization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

class DataViewsTest {

  /** One write to a DataOutput, replayable on both our serializer and the JDK's stream. */
  record Write(int kind, long number, String text) {
    void apply(java.io.DataOutput out) throws IOException {
      switch (kind) {
        case 0 -> out.writeBoolean((number & 1) == 1);
        case 1 -> out.writeByte((int) number);
        case 2 -> out.writeShort((int) number);
        case 3 -> out.writeChar((int) number);
        case 4 -> out.writeInt((int) number);
        case 5 -> out.writeLong(number);
        case 6 -> out.writeFloat(Float.intBitsToFloat((int) number));
        case 7 -> out.writeDouble(Double.longBitsToDouble(number));
        case 8 -> out.writeUTF(text);
        case 9 -> out.writeBytes(text);
        case 10 -> out.writeChars(text);
        default -> out.write(new byte[] {(byte) number, (byte) (number >> 8)}, 1, 1);
      }
    }

    void check(java.io.DataInput in) throws IOException {
      switch (kind) {
        case 0 -> assertThat(in.readBoolean()).isEqualTo((number & 1) == 1);
        case 1 -> assertThat(in.readByte()).isEqualTo((byte) number);
        case 2 -> assertThat(in.readShort()).isEqualTo((short) number);
        case 3 -> assertThat(in.readChar()).isEqualTo((char) number);
        case 4 -> assertThat(in.readInt()).isEqualTo((int) number);
        case 5 -> assertThat(in.readLong()).isEqualTo(number);
        case 6 -> assertThat(Float.floatToIntBits(in.readFloat()))
            .isEqualTo(Float.floatToIntBits(Float.intBitsToFloat((int) number)));
        case 7 -> assertThat(Double.doubleToLongBits(in.readDouble()))
            .isEqualTo(Double.doubleToLongBits(Double.longBitsToDouble(number)));
        case 8 -> assertThat(in.readUTF()).isEqualTo(text);
        case 9 -> {
          byte[] bytes = new byte[text.length()];
          in.readFully(bytes);
          for (int i = 0; i < bytes.length; i++) {
            assertThat(bytes[i]).isEqualTo((byte) text.charAt(i));
          }
        }
        case 10 -> {
          for (int i = 0; i < text.length(); i++) {
            assertThat(in.readChar()).isEqualTo(text.charAt(i));
          }
        }
        default -> assertThat(in.readUnsignedByte()).isEqualTo((int) ((number >> 8) & 0xFF));
      }
    }
  }

  private static Gen<List<Write>> writes() {
    Gen<Write> write = SourceDSL.integers().between(0, 11)
        .zip(BasicValueGenerators.longs(), BasicValueGenerators.strings(0, 40), Write::new);
    return BasicValueGenerators.lists(write, 0, 30);
  }

  @Test
  void writesTheSameBytesAsDataOutputStreamAndReadsThemBack() {
    qt().withExamples(300).forAll(writes()).checkAssert(writes -> {
      try {
        writeAndReadLikeTheJdk(writes);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private static void writeAndReadLikeTheJdk(List<Write> writes) throws IOException {
    DataOutputSerializer ours = new DataOutputSerializer(1);
    ByteArrayOutputStream jdkBytes = new ByteArrayOutputStream();
    DataOutputStream jdk = new DataOutputStream(jdkBytes);
    for (Write write : writes) {
      write.apply(ours);
      write.apply(jdk);
    }
    assertThat(ours.getCopyOfBuffer()).isEqualTo(jdkBytes.toByteArray());
    assertThat(ours.length()).isEqualTo(jdkBytes.size());

    DataInputDeserializer in = new DataInputDeserializer(ours.getCopyOfBuffer());
    DataInputStream jdkIn = new DataInputStream(new ByteArrayInputStream(jdkBytes.toByteArray()));
    for (Write write : writes) {
      write.check(in);
      write.check(jdkIn);
    }
    assertThat(in.available()).isZero();
  }

  @Test
  void varIntsRoundTripAndSmallOnesTakeOneByte() {
    qt().withExamples(300).forAll(BasicValueGenerators.ints()).checkAssert(value -> {
      try {
        varIntRoundTrips(value);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private static void varIntRoundTrips(int value) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer();
    out.writeVarInt(value);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new SerializationTesting.StreamOutputView(new DataOutputStream(bytes)).writeVarInt(value);
    assertThat(out.getCopyOfBuffer()).isEqualTo(bytes.toByteArray());
    assertThat(out.length()).isBetween(1, 5);
    if (value >= 0 && value < 128) {
      assertThat(out.length()).isEqualTo(1);
    }
    assertThat(new DataInputDeserializer(out.getCopyOfBuffer()).readVarInt()).isEqualTo(value);
    assertThat(
            new SerializationTesting.StreamInputView(new ByteArrayInputStream(bytes.toByteArray()))
                .readVarInt())
        .isEqualTo(value);
  }

  @Test
  void writeUtfRejectsStringsBeyondItsLimitAsDataOutputSays() throws IOException {
    DataOutputSerializer out = new DataOutputSerializer();
    String atLimit = "x".repeat(65535);
    out.writeUTF(atLimit);
    assertThat(new DataInputDeserializer(out.getCopyOfBuffer()).readUTF()).isEqualTo(atLimit);

    out.clear();
    assertThatThrownBy(() -> out.writeUTF("x".repeat(65536)))
        .isInstanceOf(UTFDataFormatException.class)
        .hasMessageContaining("65535");
    // Three-byte chars reach the limit at a third of the length.
    assertThatThrownBy(() -> out.writeUTF("\u20ac".repeat(21846)))
        .isInstanceOf(UTFDataFormatException.class);
    assertThat(out.length()).isZero();
  }

  @Test
  void readUtfReadsWhatDataOutputStreamWrites() {
    qt().withExamples(200).forAll(BasicValueGenerators.strings(0, 200)).checkAssert(text -> {
      try {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new DataOutputStream(bytes).writeUTF(text);
        assertThat(new DataInputDeserializer(bytes.toByteArray()).readUTF()).isEqualTo(text);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  @Test
  void readingPastTheEndThrowsEofException() throws IOException {
    DataInputDeserializer in = new DataInputDeserializer(new byte[] {1, 2, 3});
    assertThatThrownBy(in::readInt).isInstanceOf(EOFException.class).hasMessageContaining("3 left");
    assertThat(in.readShort()).isEqualTo((short) 0x0102);
    assertThatThrownBy(() -> in.readFully(new byte[2])).isInstanceOf(EOFException.class);
    assertThat(in.skipBytes(10)).isEqualTo(1);
    assertThatThrownBy(in::readByte).isInstanceOf(EOFException.class);
  }

  @Test
  void readsLinesWithAnyTerminator() {
    DataInputDeserializer in = new DataInputDeserializer("a\nbc\r\nd\re".getBytes());
    assertThat(in.readLine()).isEqualTo("a");
    assertThat(in.readLine()).isEqualTo("bc");
    assertThat(in.readLine()).isEqualTo("d");
    assertThat(in.readLine()).isEqualTo("e");
    assertThat(in.readLine()).isNull();
  }

  @Test
  void readsHeapAndDirectByteBuffersFromTheirPosition() {
    qt().withExamples(100)
        .forAll(BasicValueGenerators.lists(BasicValueGenerators.ints(), 0, 50), BasicValueGenerators.booleans())
        .checkAssert((values, direct) -> {
          try {
            readsFromThePosition(values, direct);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  private static void readsFromThePosition(List<Integer> values, boolean direct) throws IOException {
    ByteBuffer buffer = direct ? ByteBuffer.allocateDirect(8 + 4 * values.size()) : ByteBuffer.allocate(8 + 4 * values.size());
    buffer.putLong(-1L);
    values.forEach(buffer::putInt);
    buffer.flip();
    buffer.position(8);
    DataInputDeserializer in = new DataInputDeserializer();
    in.setBuffer(buffer);
    assertThat(buffer.position()).isEqualTo(8);
    assertThat(in.available()).isEqualTo(4 * values.size());
    for (int value : values) {
      assertThat(in.readInt()).isEqualTo(value);
    }
    assertThat(in.available()).isZero();
  }

  @Test
  void readsASliceOfAnArrayAndCanBeReused() throws IOException {
    byte[] data = {9, 0, 0, 0, 7, 9};
    DataInputDeserializer in = new DataInputDeserializer(data, 1, 4);
    assertThat(in.readInt()).isEqualTo(7);
    assertThat(in.available()).isZero();
    in.setBuffer(new byte[] {0, 5});
    assertThat(in.readShort()).isEqualTo((short) 5);
  }

  @Test
  void clearKeepsTheBufferAndGrowingKeepsTheBytes() throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(2);
    for (int i = 0; i < 1000; i++) {
      out.writeInt(i);
    }
    assertThat(out.length()).isEqualTo(4000);
    assertThat(out.getSharedBuffer().length).isGreaterThanOrEqualTo(4000);
    DataInputDeserializer in = new DataInputDeserializer(out.wrapAsByteBuffer());
    for (int i = 0; i < 1000; i++) {
      assertThat(in.readInt()).isEqualTo(i);
    }
    out.clear();
    assertThat(out.length()).isZero();
    assertThat(out.getCopyOfBuffer()).isEmpty();
  }

  @Test
  void corruptVarIntsAndLengthsAreRejected() {
    byte[] tooLong = {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 1};
    assertThatThrownBy(() -> new DataInputDeserializer(tooLong).readVarInt())
        .isInstanceOf(IOException.class)
        .hasMessageContaining("longer than 5 bytes");
    // A length far beyond the input must fail fast instead of allocating.
    byte[] hugeLength = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x07, 1, 2};
    assertThatThrownBy(
            () -> PrimitiveArraySerializer.forArrayClass(long[].class)
                .deserialize(new DataInputDeserializer(hugeLength)))
        .isInstanceOf(EOFException.class);
  }
}
