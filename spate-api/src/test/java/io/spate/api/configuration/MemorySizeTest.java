package io.spate.api.configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

class MemorySizeTest {

  @Test
  void parsesUnitsAsPowersOf1024() {
    assertThat(MemorySize.parse("20 kb").bytes()).isEqualTo(20 * 1024);
    assertThat(MemorySize.parse("64mb").bytes()).isEqualTo(64L << 20);
    assertThat(MemorySize.parse(" 1 GB ").bytes()).isEqualTo(1L << 30);
    assertThat(MemorySize.parse("4096").bytes()).isEqualTo(4096);
    assertThat(MemorySize.parse("100 bytes").bytes()).isEqualTo(100);
  }

  @Test
  void rejectsMalformedSizes() {
    assertThatThrownBy(() -> MemorySize.parse("lots")).hasMessageContaining("'lots'");
    assertThatThrownBy(() -> MemorySize.parse("12 parsecs")).hasMessageContaining("Unknown unit 'parsecs'");
    assertThatThrownBy(() -> MemorySize.parse("-3 kb")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MemorySize.parse("99999999999999999999 kb")).hasMessageContaining("too large");
    assertThatThrownBy(() -> MemorySize.parse("9007199254740992 tb")).hasMessageContaining("too large");
  }

  @Test
  void aConfigurationNamesTheKeyOfAMalformedSize() {
    Configuration conf = new Configuration().setString(CheckpointingOptions.FS_SMALL_FILE_THRESHOLD.key(), "big");
    assertThatThrownBy(() -> conf.get(CheckpointingOptions.FS_SMALL_FILE_THRESHOLD))
        .isInstanceOf(IllegalConfigurationException.class)
        .hasMessageContaining("state.storage.fs.memory-threshold")
        .hasMessageContaining("'big'")
        .hasMessageContaining("memory size");
  }

  @Test
  void toStringParsesBackToTheSameSize() {
    qt().forAll(SourceDSL.longs().between(0, Long.MAX_VALUE)).checkAssert(bytes -> {
      MemorySize size = MemorySize.ofBytes(bytes);
      assertThat(MemorySize.parse(size.toString())).isEqualTo(size);
    });
  }

  @Test
  void storedInAConfigurationItReadsBackEqual() {
    qt().forAll(SourceDSL.longs().between(0, 1L << 50)).checkAssert(bytes -> {
      Configuration conf = new Configuration().set(CheckpointingOptions.FS_SMALL_FILE_THRESHOLD, MemorySize.ofBytes(bytes));
      assertThat(conf.get(CheckpointingOptions.FS_SMALL_FILE_THRESHOLD).bytes()).isEqualTo(bytes);
    });
  }

  // ---------------------------------------------------------------- Flink's MemorySize methods

  @Test
  void unitGettersRoundDown() {
    MemorySize size = MemorySize.parse("3 gb").add(MemorySize.parse("5 mb"));
    assertThat(size.getBytes()).isEqualTo((3L << 30) + (5L << 20));
    assertThat(size.getKibiBytes()).isEqualTo(3L * 1024 * 1024 + 5 * 1024);
    assertThat(size.getMebiBytes()).isEqualTo(3 * 1024 + 5);
    assertThat(size.getGibiBytes()).isEqualTo(3);
    assertThat(size.getTebiBytes()).isZero();
    assertThat(MemorySize.parseBytes("2k")).isEqualTo(2048);
  }

  @Test
  void arithmeticKeepsSizesValid() {
    MemorySize mb = MemorySize.ofMebiBytes(1);
    assertThat(mb.subtract(MemorySize.parse("512 kb"))).isEqualTo(MemorySize.parse("512 kb"));
    assertThat(mb.multiply(1.5)).isEqualTo(MemorySize.parse("1536 kb"));
    assertThat(mb.divide(4)).isEqualTo(MemorySize.parse("256 kb"));
    assertThatThrownBy(() -> MemorySize.ZERO.subtract(mb)).hasMessageContaining("negative");
    assertThatThrownBy(() -> MemorySize.MAX_VALUE.add(MemorySize.parse("1 b"))).hasMessageContaining("largest");
    assertThatThrownBy(() -> mb.multiply(-1)).hasMessageContaining("-1.0");
    assertThatThrownBy(() -> MemorySize.MAX_VALUE.multiply(2)).hasMessageContaining("largest");
    assertThatThrownBy(() -> mb.divide(0)).hasMessageContaining("positive");
  }

  @Test
  void subtractUndoesAdd() {
    qt().forAll(SourceDSL.longs().between(0, Long.MAX_VALUE / 2), SourceDSL.longs().between(0, Long.MAX_VALUE / 2))
        .checkAssert((a, b) -> assertThat(MemorySize.ofBytes(a).add(MemorySize.ofBytes(b)).subtract(MemorySize.ofBytes(b)))
            .isEqualTo(MemorySize.ofBytes(a)));
  }

  @Test
  void aNumberWithoutUnitIsReadInTheDefaultUnit() {
    assertThat(MemorySize.parse("64", MemorySize.MemoryUnit.MEGA_BYTES)).isEqualTo(MemorySize.ofMebiBytes(64));
    assertThat(MemorySize.parse("64 kb", MemorySize.MemoryUnit.MEGA_BYTES)).isEqualTo(MemorySize.ofKibiBytes(64));
    assertThat(MemorySize.MemoryUnit.GIGA_BYTES.getMultiplier()).isEqualTo(1L << 30);
    assertThat(MemorySize.MemoryUnit.KILO_BYTES.getUnits()).contains("k", "kb", "kibibytes");
    assertThat(MemorySize.MemoryUnit.hasUnit("12 mb")).isTrue();
    assertThat(MemorySize.MemoryUnit.hasUnit("12")).isFalse();
    assertThat(MemorySize.MemoryUnit.getAllUnits()).contains("tebibytes");
    assertThatThrownBy(() -> MemorySize.parse("1 parsec")).hasMessageContaining(MemorySize.MemoryUnit.getAllUnits());
  }

  @Test
  void humanReadableFormShowsTheLargestUnitAndTheBytes() {
    assertThat(MemorySize.parse("1536 kb").toHumanReadableString()).isEqualTo("1.5 mb (1572864 bytes)");
    assertThat(MemorySize.parse("100 b").toHumanReadableString()).isEqualTo("100 bytes");
    assertThat(MemorySize.parse("2 gb").toHumanReadableString()).isEqualTo("2 gb (2147483648 bytes)");
  }
}
