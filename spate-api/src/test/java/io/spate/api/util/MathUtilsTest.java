package io.spate.api.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/** The integer helpers against their definitions, and the hashes against values Flink's give. */
class MathUtilsTest {

  @Test
  void logarithmsAndPowersOfTwoMatchTheirDefinitions() {
    qt().forAll(SourceDSL.integers().between(1, Integer.MAX_VALUE)).checkAssert(x -> {
      int log = MathUtils.log2floor(x);
      assertThat(1L << log).isLessThanOrEqualTo(x);
      assertThat(1L << (log + 1)).isGreaterThan(x);
      assertThat(MathUtils.roundDownToPowerOf2(x)).isEqualTo(1 << log);
      assertThat(MathUtils.isPowerOf2(x)).isEqualTo(Integer.bitCount(x) == 1);
      if (x <= 1 << 30) {
        int up = MathUtils.roundUpToPowerOfTwo(x);
        assertThat(Integer.bitCount(up)).isEqualTo(1);
        assertThat(up).isGreaterThanOrEqualTo(x);
        assertThat(up / 2).isLessThan(x);
      }
    });
    assertThat(MathUtils.log2strict(1024)).isEqualTo(10);
    assertThatThrownBy(() -> MathUtils.log2strict(1000)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1000");
    assertThatThrownBy(() -> MathUtils.log2floor(0)).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> MathUtils.log2strict(0)).isInstanceOf(ArithmeticException.class);
  }

  @Test
  void divisionRoundsUpAndDownCastsAreChecked() {
    qt().forAll(SourceDSL.integers().between(0, Integer.MAX_VALUE), SourceDSL.integers().between(1, 1_000_000))
        .checkAssert((dividend, divisor) ->
            assertThat(MathUtils.divideRoundUp(dividend, divisor)).isEqualTo((int) ((dividend + (long) divisor - 1)
                / divisor)));
    assertThatThrownBy(() -> MathUtils.divideRoundUp(-1, 2)).hasMessageContaining("Negative dividend");
    assertThatThrownBy(() -> MathUtils.divideRoundUp(1, 0)).hasMessageContaining("divisor");
    assertThat(MathUtils.checkedDownCast(-5L)).isEqualTo(-5);
    assertThatThrownBy(() -> MathUtils.checkedDownCast(1L << 40)).hasMessageContaining("Cannot downcast");
  }

  @Test
  void flippingTheSignBitTurnsSignedOrderIntoUnsignedOrder() {
    qt().forAll(SourceDSL.longs().all(), SourceDSL.longs().all()).checkAssert((a, b) ->
        assertThat(Integer.signum(Long.compareUnsigned(MathUtils.flipSignBit(a), MathUtils.flipSignBit(b))))
            .isEqualTo(Integer.signum(Long.compare(a, b))));
  }

  @Test
  void hashesAreNonNegativeAndAreFlinksValues() {
    qt().forAll(SourceDSL.integers().all()).checkAssert(x -> {
      assertThat(MathUtils.murmurHash(x)).isNotNegative();
      assertThat(MathUtils.jenkinsHash(x)).isNotNegative();
    });
    // Values Flink's MathUtils returns for the same inputs.
    assertThat(MathUtils.murmurHash(0)).isEqualTo(FLINK_MURMUR_0);
    assertThat(MathUtils.murmurHash(42)).isEqualTo(FLINK_MURMUR_42);
    assertThat(MathUtils.jenkinsHash(42)).isEqualTo(FLINK_JENKINS_42);
    assertThat(MathUtils.bitMix(42)).isEqualTo(FLINK_BITMIX_42);
    assertThat(MathUtils.longToIntWithBitMixing(42L)).isEqualTo(FLINK_LONG_MIX_42);
  }

  private static final int FLINK_MURMUR_0 = 593689054;
  private static final int FLINK_MURMUR_42 = 1134849565;
  private static final int FLINK_JENKINS_42 = 1018971279;
  private static final int FLINK_BITMIX_42 = 142593372;
  private static final int FLINK_LONG_MIX_42 = -730696158;
}
