package io.spate.connectors.jdbc;

import java.io.Serializable;

/**
 * How the exactly-once JDBC sink handles its XA transactions (Flink's {@code JdbcExactlyOnceOptions}).
 *
 * <p>{@code recoveredAndRollback}: at start, roll back the prepared transactions of this sink that no
 * completed checkpoint covers, found with {@code XAResource.recover} (on by default).
 * {@code maxCommitAttempts}: how often committing a prepared transaction is tried when the database
 * is unreachable (3). {@code allowOutOfOrderCommits} and {@code transactionPerConnection} are
 * accepted for Flink compatibility: Spate's sink always uses one connection per transaction at a
 * time and commits in checkpoint order, which suits PostgreSQL and MySQL. {@code timeoutSec}, if
 * set, is given to {@code XAResource.setTransactionTimeout}.
 */
public class JdbcExactlyOnceOptions implements Serializable {

  private static final long serialVersionUID = 1L;

  private final boolean recoveredAndRollback;
  private final int maxCommitAttempts;
  private final boolean allowOutOfOrderCommits;
  private final Integer timeoutSec;
  private final boolean transactionPerConnection;

  private JdbcExactlyOnceOptions(boolean recoveredAndRollback, int maxCommitAttempts,
      boolean allowOutOfOrderCommits, Integer timeoutSec, boolean transactionPerConnection) {
    if (maxCommitAttempts < 1) {
      throw new IllegalArgumentException("JdbcExactlyOnceOptions: max commit attempts must be at least 1, not "
          + maxCommitAttempts);
    }
    if (timeoutSec != null && timeoutSec <= 0) {
      throw new IllegalArgumentException("JdbcExactlyOnceOptions: the transaction timeout must be positive, not "
          + timeoutSec + " s");
    }
    this.recoveredAndRollback = recoveredAndRollback;
    this.maxCommitAttempts = maxCommitAttempts;
    this.allowOutOfOrderCommits = allowOutOfOrderCommits;
    this.timeoutSec = timeoutSec;
    this.transactionPerConnection = transactionPerConnection;
  }

  /** The defaults: recover and roll back, 3 commit attempts, no timeout. */
  public static JdbcExactlyOnceOptions defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static JdbcExactlyOnceOptionsBuilder builder() {
    return new JdbcExactlyOnceOptionsBuilder();
  }

  /** Whether lingering prepared transactions of this sink are found and rolled back at start. */
  public boolean isRecoveredAndRollback() {
    return recoveredAndRollback;
  }

  /** How often committing a transaction is tried. */
  public int getMaxCommitAttempts() {
    return maxCommitAttempts;
  }

  /** Accepted for Flink compatibility; commits are always in checkpoint order. */
  public boolean isAllowOutOfOrderCommits() {
    return allowOutOfOrderCommits;
  }

  /** The XA transaction timeout in seconds, or null for the database's default. */
  public Integer getTimeoutSec() {
    return timeoutSec;
  }

  /** Accepted for Flink compatibility; each subtask runs one transaction at a time on its connection. */
  public boolean isTransactionPerConnection() {
    return transactionPerConnection;
  }

  @Override
  public String toString() {
    return "JdbcExactlyOnceOptions{recoveredAndRollback=" + recoveredAndRollback + ", maxCommitAttempts="
        + maxCommitAttempts + ", timeoutSec=" + timeoutSec + "}";
  }

  /** Builds {@link JdbcExactlyOnceOptions}. */
  public static final class JdbcExactlyOnceOptionsBuilder {
    private boolean recoveredAndRollback = true;
    private int maxCommitAttempts = 3;
    private boolean allowOutOfOrderCommits;
    private Integer timeoutSec;
    private boolean transactionPerConnection;

    private JdbcExactlyOnceOptionsBuilder() {}

    /** Whether lingering prepared transactions of this sink are rolled back at start (true by default). */
    public JdbcExactlyOnceOptionsBuilder withRecoveredAndRollback(boolean recoveredAndRollback) {
      this.recoveredAndRollback = recoveredAndRollback;
      return this;
    }

    /** How often committing a transaction is tried (3 by default). */
    public JdbcExactlyOnceOptionsBuilder withMaxCommitAttempts(int maxCommitAttempts) {
      this.maxCommitAttempts = maxCommitAttempts;
      return this;
    }

    /** Accepted for Flink compatibility. */
    public JdbcExactlyOnceOptionsBuilder withAllowOutOfOrderCommits(boolean allowOutOfOrderCommits) {
      this.allowOutOfOrderCommits = allowOutOfOrderCommits;
      return this;
    }

    /** The XA transaction timeout in seconds. */
    public JdbcExactlyOnceOptionsBuilder withTimeoutSec(Integer timeoutSec) {
      this.timeoutSec = timeoutSec;
      return this;
    }

    /** Accepted for Flink compatibility. */
    public JdbcExactlyOnceOptionsBuilder withTransactionPerConnection(boolean transactionPerConnection) {
      this.transactionPerConnection = transactionPerConnection;
      return this;
    }

    /** The options; fails naming a value out of range. */
    public JdbcExactlyOnceOptions build() {
      return new JdbcExactlyOnceOptions(recoveredAndRollback, maxCommitAttempts, allowOutOfOrderCommits, timeoutSec,
          transactionPerConnection);
    }
  }
}
