package io.spate.connectors.jdbc.split;

import java.io.Serializable;

/**
 * Splits the closed range {@code [min, max]} of a numeric column into consecutive closed ranges,
 * one pair {@code {start, end}} per split, for a query such as
 * {@code SELECT ... WHERE id BETWEEN ? AND ?} (Flink's {@code JdbcNumericBetweenParametersProvider}).
 * Every value of the range falls into exactly one split. Choose the split size with
 * {@link #ofBatchSize} or the number of splits with {@link #ofBatchNum}; without either, the whole
 * range is one split.
 */
public class JdbcNumericBetweenParametersProvider implements JdbcParameterValuesProvider {

  private static final long serialVersionUID = 1L;

  private final long minVal;
  private final long maxVal;
  private long batchSize;
  private int batchNum;

  /** A provider of splits of {@code [minVal, maxVal]}. */
  public JdbcNumericBetweenParametersProvider(long minVal, long maxVal) {
    if (minVal > maxVal) {
      throw new IllegalArgumentException("JdbcNumericBetweenParametersProvider: the minimum " + minVal
          + " is greater than the maximum " + maxVal);
    }
    this.minVal = minVal;
    this.maxVal = maxVal;
  }

  /** A provider of splits of {@code [minVal, maxVal]} holding {@code fetchSize} values each. */
  public JdbcNumericBetweenParametersProvider(long fetchSize, long minVal, long maxVal) {
    this(minVal, maxVal);
    ofBatchSize(fetchSize);
  }

  /** Splits of {@code batchSize} values each (the last may hold fewer). */
  public JdbcNumericBetweenParametersProvider ofBatchSize(long batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("JdbcNumericBetweenParametersProvider: the batch size must be at least 1,"
          + " not " + batchSize);
    }
    this.batchSize = batchSize;
    this.batchNum = 0;
    return this;
  }

  /** {@code batchNum} splits of sizes that differ by at most one. */
  public JdbcNumericBetweenParametersProvider ofBatchNum(int batchNum) {
    if (batchNum < 1) {
      throw new IllegalArgumentException("JdbcNumericBetweenParametersProvider: the number of batches must be at"
          + " least 1, not " + batchNum);
    }
    this.batchNum = batchNum;
    this.batchSize = 0;
    return this;
  }

  @Override
  public Serializable[][] getParameterValues() {
    // The count of values, as an unsigned long: [Long.MIN_VALUE, Long.MAX_VALUE] holds 2^64 of them.
    long countMinusOne = maxVal - minVal;
    long splits;
    long size;
    long larger;
    if (batchNum > 0) {
      splits = countMinusOne == -1 || Long.compareUnsigned(countMinusOne, batchNum - 1L) >= 0
          ? batchNum : countMinusOne + 1;
      // count = size * splits + larger, where the first `larger` splits hold one value more.
      long countDiv = Long.divideUnsigned(countMinusOne, splits);
      long countRem = Long.remainderUnsigned(countMinusOne, splits);
      if (countRem == splits - 1) {
        size = countDiv + 1;
        larger = 0;
      } else {
        size = countDiv;
        larger = countRem + 1;
      }
    } else {
      size = batchSize > 0 ? batchSize : 0;
      if (size == 0 || Long.compareUnsigned(countMinusOne, size - 1) <= 0) {
        return new Serializable[][] {{minVal, maxVal}};
      }
      splits = Long.divideUnsigned(countMinusOne, size) + 1;
      larger = 0;
    }
    if (splits > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException("JdbcNumericBetweenParametersProvider: [" + minVal + ", " + maxVal
          + "] in batches of " + size + " makes more splits than an array holds; choose a larger batch size");
    }
    Serializable[][] parameters = new Serializable[(int) splits][];
    long start = minVal;
    for (int i = 0; i < splits; i++) {
      long length = size + (i < larger ? 1 : 0);
      long end = i == splits - 1 ? maxVal : start + (length - 1);
      parameters[i] = new Serializable[] {start, end};
      start = end + 1;
    }
    return parameters;
  }
}
