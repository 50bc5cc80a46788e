package io.spate.examples.fraud;

import java.io.Serializable;
import java.time.Duration;

/**
 * When two transactions in a row on one account raise an alert: the first is below {@code
 * smallBelowCents}, the next one is above {@code largeAboveCents}, and it comes at most {@code within}
 * after the first. Testing a card with a tiny charge before a large one is a common fraud pattern.
 *
 * @param smallBelowCents a transaction below this amount (in cents) is small
 * @param largeAboveCents a transaction above this amount (in cents) is large
 * @param within the longest time from the small transaction to the large one
 */
public record FraudRule(long smallBelowCents, long largeAboveCents, Duration within) implements Serializable {

  /** Below $1.00, then above $500.00 within one minute. */
  public static final FraudRule DEFAULT = new FraudRule(100, 50_000, Duration.ofMinutes(1));

  /** Checks that the amounts and the time make a rule that can match. */
  public FraudRule {
    if (smallBelowCents <= 0 || largeAboveCents < smallBelowCents) {
      throw new IllegalArgumentException("A fraud rule needs 0 < small amount <= large amount, but was "
          + smallBelowCents + " and " + largeAboveCents + " cents");
    }
    if (within == null || within.isNegative() || within.isZero()) {
      throw new IllegalArgumentException("A fraud rule needs a positive time between the transactions, but was "
          + within);
    }
  }

  /** Whether {@code transaction} is small. */
  public boolean isSmall(Transaction transaction) {
    return transaction.amountCents() < smallBelowCents;
  }

  /** Whether {@code next}, the transaction right after the small {@code small} on its account, raises an alert. */
  public boolean completes(Transaction small, Transaction next) {
    return next.amountCents() > largeAboveCents
        && !next.time().isAfter(small.time().plus(within));
  }
}
