package io.spate.api.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import io.spate.api.serialization.BasicValueGenerators;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class JobIDTest {

  @Test
  void printsThirtyTwoLowercaseHexDigitsThatParseBack() {
    qt().withExamples(500).forAll(BasicValueGenerators.longs(), BasicValueGenerators.longs()).checkAssert((upper, lower) -> {
      JobID id = new JobID(upper, lower);
      assertThat(id.toString()).matches("[0-9a-f]{32}");
      assertThat(JobID.fromHexString(id.toString())).isEqualTo(id);
      assertThat(JobID.fromHexString(id.toString().toUpperCase(java.util.Locale.ROOT))).isEqualTo(id);
    });
  }

  /** Small offsets, 0 to 2, from the two halves of an id. */
  record Offsets(int upper, int lower) {}

  @Test
  void equalExactlyWhenBothHalvesAreAndThenHashAlike() {
    Gen<Offsets> offsets = Generate.range(0, 2).zip(Generate.range(0, 2), Offsets::new);
    qt().withExamples(500).forAll(offsets, offsets, BasicValueGenerators.longs())
        .checkAssert((first, second, offset) -> equalExactlyWhenBothHalvesAre(
            first.upper(), first.lower(), second.upper(), second.lower(), offset));
  }

  private static void equalExactlyWhenBothHalvesAre(int u1, int l1, int u2, int l2, long offset) {
    JobID a = new JobID(offset + u1, -offset + l1);
    JobID b = new JobID(offset + u2, -offset + l2);
    assertThat(a.equals(b)).isEqualTo(u1 == u2 && l1 == l2);
    if (a.equals(b)) {
      assertThat(a.hashCode()).isEqualTo(b.hashCode());
    }
    assertThat(a).isEqualTo(a).isNotEqualTo(null).isNotEqualTo(a.toString());
  }

  @Test
  void keepsLeadingZeros() {
    assertThat(new JobID(1, 0xabL).toString()).isEqualTo("000000000000000100000000000000ab");
  }

  @Test
  void refusesWhatIsNotThirtyTwoHexDigits() {
    for (String bad : new String[] {"", "123", "000000000000000100000000000000ag", "000000000000000100000000000000ab0"}) {
      assertThatThrownBy(() -> JobID.fromHexString(bad)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("32 hexadecimal digits").hasMessageContaining(bad);
    }
    assertThatThrownBy(() -> JobID.fromHexString(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void itsBytesAreItsHexDigitsAndReadBackEqual() {
    qt().forAll(BasicValueGenerators.longs(), BasicValueGenerators.longs()).checkAssert((upper, lower) -> {
      JobID id = new JobID(upper, lower);
      byte[] bytes = java.util.HexFormat.of().parseHex(id.toString());
      assertThat(new JobID(bytes)).isEqualTo(id);
      assertThat(JobID.fromByteArray(bytes)).isEqualTo(id);
      java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(20).put(new byte[2]).put(bytes);
      buffer.flip().position(2);
      assertThat(JobID.fromByteBuffer(buffer)).isEqualTo(id);
    });
    assertThatThrownBy(() -> new JobID(new byte[15])).hasMessageContaining("15 bytes");
    assertThatThrownBy(() -> JobID.fromByteBuffer(java.nio.ByteBuffer.allocate(3))).hasMessageContaining("only 3");
    assertThat(new JobID()).isNotEqualTo(new JobID());
  }
}
