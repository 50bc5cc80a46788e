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
}
