package io.spate.connectors.jdbc;

import java.io.Serializable;

/**
 * How a JDBC sink batches and retries (Flink's {@code JdbcExecutionOptions}): a batch is executed
 * when it holds {@code batchSize} records, when {@code batchIntervalMs} have passed since its first
 * record (0: never by time), and before every checkpoint; a batch that fails with a transient error
 * is retried up to {@code maxRetries} times on a new connection if the old one broke.
 */
public class JdbcExecutionOptions implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The batch size by default. */
  public static final int DEFAULT_SIZE = 5000;
  /** The retries by default. */
  public static final int DEFAULT_MAX_RETRY_TIMES = 3;
  /** The batch interval by default: none. */
  public static final long DEFAULT_INTERVAL_MILLIS = 0;

  private final long batchIntervalMs;
  private final int batchSize;
  private final int maxRetries;

  private JdbcExecutionOptions(long batchIntervalMs, int batchSize, int maxRetries) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("JdbcExecutionOptions: the batch size must be at least 1, not " + batchSize);
    }
    if (batchIntervalMs < 0) {
      throw new IllegalArgumentException("JdbcExecutionOptions: the batch interval must not be negative, not "
          + batchIntervalMs + " ms");
    }
    if (maxRetries < 0) {
      throw new IllegalArgumentException("JdbcExecutionOptions: max retries must not be negative, not " + maxRetries);
    }
    this.batchIntervalMs = batchIntervalMs;
    this.batchSize = batchSize;
    this.maxRetries = maxRetries;
  }

  /** Milliseconds after a batch's first record at which it is executed however small; 0 for never. */
  public long getBatchIntervalMs() {
    return batchIntervalMs;
  }

  /** Records at which a batch is executed. */
  public int getBatchSize() {
    return batchSize;
  }

  /** How often a failed batch is tried again. */
  public int getMaxRetries() {
    return maxRetries;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Batches of 5000, no batch interval, 3 retries. */
  public static JdbcExecutionOptions defaults() {
    return builder().build();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JdbcExecutionOptions that && batchIntervalMs == that.batchIntervalMs
        && batchSize == that.batchSize && maxRetries == that.maxRetries;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(batchIntervalMs) * 31 * 31 + batchSize * 31 + maxRetries;
  }

  @Override
  public String toString() {
    return "JdbcExecutionOptions{batchSize=" + batchSize + ", batchIntervalMs=" + batchIntervalMs
        + ", maxRetries=" + maxRetries + "}";
  }

  /** Builds {@link JdbcExecutionOptions}. */
  public static final class Builder {
    private long intervalMs = DEFAULT_INTERVAL_MILLIS;
    private int size = DEFAULT_SIZE;
    private int maxRetries = DEFAULT_MAX_RETRY_TIMES;

    private Builder() {}

    /** Records at which a batch is executed (5000 by default). */
    public Builder withBatchSize(int size) {
      this.size = size;
      return this;
    }

    /** Milliseconds after its first record at which a batch is executed; 0 (the default) for never. */
    public Builder withBatchIntervalMs(long intervalMs) {
      this.intervalMs = intervalMs;
      return this;
    }

    /** How often a failed batch is tried again (3 by default); must be 0 for the exactly-once sink. */
    public Builder withMaxRetries(int maxRetries) {
      this.maxRetries = maxRetries;
      return this;
    }

    /** The options; fails naming a value out of range. */
    public JdbcExecutionOptions build() {
      return new JdbcExecutionOptions(intervalMs, size, maxRetries);
    }
  }
}
