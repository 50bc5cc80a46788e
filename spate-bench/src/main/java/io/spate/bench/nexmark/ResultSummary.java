package io.spate.bench.nexmark;

/**
 * The order-insensitive fingerprint of a query's canonical result: how many rows and the sum of
 * their 64-bit canonical hashes, so that two engines and the baseline can be compared cheaply.
 *
 * @param count the number of canonical rows
 * @param checksum the sum (wrapping) of {@link CanonicalHash#of} over the rows
 */
public record ResultSummary(long count, long checksum) {

  /** The summary of {@code rows}. */
  public static ResultSummary of(Iterable<?> rows) {
    long count = 0;
    long checksum = 0;
    for (Object row : rows) {
      count++;
      checksum += CanonicalHash.of(row);
    }
    return new ResultSummary(count, checksum);
  }

  @Override
  public String toString() {
    return count + " rows, checksum " + Long.toHexString(checksum);
  }
}
