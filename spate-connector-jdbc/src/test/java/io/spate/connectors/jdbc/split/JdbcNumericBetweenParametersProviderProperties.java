package io.spate.connectors.jdbc.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import java.io.Serializable;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * The numeric range provider covers its range exactly once: its closed ranges start at the minimum,
 * end at the maximum and follow each other without gap or overlap, with the sizes asked for.
 */
class JdbcNumericBetweenParametersProviderProperties {

  /** Bounds near zero, near the extremes of long, or anywhere; min <= max. */
  private static Gen<long[]> ranges() {
    Gen<Long> anywhere = SourceDSL.longs().all();
    Gen<Long> small = SourceDSL.longs().between(-1_000, 1_000);
    Gen<Long> edges = SourceDSL.longs().between(Long.MAX_VALUE - 1_000, Long.MAX_VALUE)
        .mix(SourceDSL.longs().between(Long.MIN_VALUE, Long.MIN_VALUE + 1_000));
    Gen<Long> bound = small.mix(anywhere.mix(edges, 40), 40);
    return bound.zip(bound, (a, b) -> new long[] {Math.min(a, b), Math.max(a, b)});
  }

  private static BigInteger big(Serializable value) {
    return BigInteger.valueOf((Long) value);
  }

  /** Asserts the ranges tile [min, max] and returns their sizes. */
  private static BigInteger[] assertTiles(Serializable[][] splits, long min, long max) {
    assertThat(splits).isNotEmpty();
    assertThat(splits[0][0]).isEqualTo(min);
    assertThat(splits[splits.length - 1][1]).isEqualTo(max);
    BigInteger[] sizes = new BigInteger[splits.length];
    for (int i = 0; i < splits.length; i++) {
      assertThat(splits[i]).hasSize(2);
      BigInteger start = big(splits[i][0]);
      BigInteger end = big(splits[i][1]);
      assertThat(start).as("split %d starts before it ends", i).isLessThanOrEqualTo(end);
      if (i > 0) {
        assertThat(start).as("split %d starts right after split %d", i, i - 1).isEqualTo(big(splits[i - 1][1]).add(
            BigInteger.ONE));
      }
      sizes[i] = end.subtract(start).add(BigInteger.ONE);
    }
    return sizes;
  }

  @Test
  void batchesOfAGivenSizeCoverTheRangeOnce() {
    // Sizes chosen so that a range makes at most a few thousand splits: count / k, rounded up.
    qt().withExamples(1_000).forAll(ranges(), SourceDSL.integers().between(1, 3_000))
        .checkAssert((range, k) -> {
          BigInteger count = BigInteger.valueOf(range[1]).subtract(BigInteger.valueOf(range[0])).add(BigInteger.ONE);
          BigInteger[] qr = count.divideAndRemainder(BigInteger.valueOf(k));
          BigInteger wanted = qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
          checkBatchSize(range, wanted.min(BigInteger.valueOf(Long.MAX_VALUE)).longValueExact());
        });
  }

  @Test
  void smallBatchesOfSmallRangesCoverTheRangeOnce() {
    Gen<Long> bound = SourceDSL.longs().between(-2_000, 2_000);
    qt().withExamples(1_000).forAll(bound, bound, SourceDSL.longs().between(1, 3_000))
        .checkAssert((a, b, size) -> checkBatchSize(new long[] {Math.min(a, b), Math.max(a, b)}, size));
  }

  private static void checkBatchSize(long[] range, long size) {
    Serializable[][] splits = new JdbcNumericBetweenParametersProvider(range[0], range[1]).ofBatchSize(size)
        .getParameterValues();
    BigInteger[] sizes = assertTiles(splits, range[0], range[1]);
    for (int i = 0; i < sizes.length - 1; i++) {
      assertThat(sizes[i]).isEqualTo(BigInteger.valueOf(size));
    }
    assertThat(sizes[sizes.length - 1]).isBetween(BigInteger.ONE, BigInteger.valueOf(size));
  }

  @Test
  void aGivenNumberOfBatchesCoversTheRangeOnceInSizesThatDifferByAtMostOne() {
    qt().withExamples(1_000).forAll(ranges(), SourceDSL.integers().between(1, 500))
        .checkAssert((range, batches) -> {
          Serializable[][] splits = new JdbcNumericBetweenParametersProvider(range[0], range[1]).ofBatchNum(batches)
              .getParameterValues();
          BigInteger[] sizes = assertTiles(splits, range[0], range[1]);
          BigInteger count = BigInteger.valueOf(range[1]).subtract(BigInteger.valueOf(range[0])).add(BigInteger.ONE);
          assertThat(BigInteger.valueOf(splits.length)).isEqualTo(count.min(BigInteger.valueOf(batches)));
          BigInteger smallest = java.util.Arrays.stream(sizes).min(BigInteger::compareTo).orElseThrow();
          BigInteger largest = java.util.Arrays.stream(sizes).max(BigInteger::compareTo).orElseThrow();
          assertThat(largest.subtract(smallest)).isLessThanOrEqualTo(BigInteger.ONE);
        });
  }

  @Test
  void theWholeLongRangeSplitsToo() {
    Serializable[][] splits = new JdbcNumericBetweenParametersProvider(Long.MIN_VALUE, Long.MAX_VALUE).ofBatchNum(4)
        .getParameterValues();
    assertThat(splits).hasNumberOfRows(4);
    assertThat(splits[1]).containsExactly(-4611686018427387904L, -1L);
    assertTiles(splits, Long.MIN_VALUE, Long.MAX_VALUE);
  }

  @Test
  void badArgumentsAreNamed() {
    assertThatThrownBy(() -> new JdbcNumericBetweenParametersProvider(5, 4))
        .hasMessageContaining("the minimum 5 is greater than the maximum 4");
    assertThatThrownBy(() -> new JdbcNumericBetweenParametersProvider(0, 4).ofBatchSize(0))
        .hasMessageContaining("batch size must be at least 1, not 0");
    assertThatThrownBy(() -> new JdbcNumericBetweenParametersProvider(0, 4).ofBatchNum(-2))
        .hasMessageContaining("number of batches must be at least 1, not -2");
  }
}
