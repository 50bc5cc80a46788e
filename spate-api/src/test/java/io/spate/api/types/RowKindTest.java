package io.spate.api.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The kinds of change a row describes: their short strings and their stable byte values. */
class RowKindTest {

  @Test
  void shortStringsAreThoseFlinkPrints() {
    assertThat(RowKind.INSERT.shortString()).isEqualTo("+I");
    assertThat(RowKind.UPDATE_BEFORE.shortString()).isEqualTo("-U");
    assertThat(RowKind.UPDATE_AFTER.shortString()).isEqualTo("+U");
    assertThat(RowKind.DELETE.shortString()).isEqualTo("-D");
  }

  @Test
  void byteValuesAreStableAndRoundTrip() {
    assertThat(RowKind.INSERT.toByteValue()).isEqualTo((byte) 0);
    assertThat(RowKind.UPDATE_BEFORE.toByteValue()).isEqualTo((byte) 1);
    assertThat(RowKind.UPDATE_AFTER.toByteValue()).isEqualTo((byte) 2);
    assertThat(RowKind.DELETE.toByteValue()).isEqualTo((byte) 3);
    for (RowKind kind : RowKind.values()) {
      assertThat(RowKind.fromByteValue(kind.toByteValue())).isSameAs(kind);
    }
  }

  @Test
  void anUnknownByteIsRejectedNamingItAndTheKnownOnes() {
    assertThatThrownBy(() -> RowKind.fromByteValue((byte) 7))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("Unknown row kind byte 7")
        .hasMessageContaining("3 (-D, DELETE)");
    assertThatThrownBy(() -> RowKind.fromByteValue((byte) -1)).hasMessageContaining("byte -1");
  }
}
