package io.spate.examples.fraud;

import static io.spate.examples.Hashing.mix;

import io.spate.connectors.datagen.GeneratorFunction;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Generated transactions for the fraud-detection example: transaction {@code i} is a pure function of
 * the seed, the start time and {@code i}, and takes place {@link #SPACING} after transaction {@code i -
 * 1}. Most
 * amounts are between $1 and $300; one in twenty is under $1 and one in twenty is over $500, so that
 * a run holds some alerts of the {@link FraudRule#DEFAULT default rule}.
 */
public final class TransactionGenerator implements GeneratorFunction<Long, Transaction> {

  private static final long serialVersionUID = 1L;

  /** The time between two transactions. */
  public static final Duration SPACING = Duration.ofMillis(100);

  private final long seed;
  private final int accounts;
  private final Instant start;

  /**
   * Transactions over {@code accounts} accounts (numbered from 1), generated from {@code seed}, the first
   * at {@code start}.
   */
  public TransactionGenerator(long seed, int accounts, Instant start) {
    if (accounts < 1) {
      throw new IllegalArgumentException("The number of accounts must be at least 1, but was " + accounts);
    }
    this.seed = seed;
    this.accounts = accounts;
    this.start = Objects.requireNonNull(start, "start");
  }

  /**
   * The start that makes {@code count} transactions end at {@code end}. Kafka keeps a record by its
   * timestamp (the event time, for the alerts): generated times near the present stay within a
   * topic's retention and the brokers' limits on timestamps in the future.
   */
  public static Instant startEndingAt(Instant end, long count) {
    return end.minus(SPACING.multipliedBy(Math.max(0, count - 1)));
  }

  @Override
  public Transaction map(Long index) {
    return transaction(index);
  }

  /** The transaction with id {@code index}. */
  public Transaction transaction(long index) {
    long h1 = mix(seed ^ (index * 0x9E3779B97F4A7C15L));
    long h2 = mix(h1);
    long h3 = mix(h2);
    long account = 1 + Long.remainderUnsigned(h1, accounts);
    long kind = Long.remainderUnsigned(h2, 20);
    long amount;
    if (kind == 0) {
      amount = 1 + Long.remainderUnsigned(h3, 99);               // 1 to 99 cents
    } else if (kind == 1) {
      amount = 50_001 + Long.remainderUnsigned(h3, 450_000);     // $500.01 to $5,000
    } else {
      amount = 100 + Long.remainderUnsigned(h3, 29_901);         // $1 to $300
    }
    return new Transaction(index, account, amount, start.plus(SPACING.multipliedBy(index)));
  }
}
