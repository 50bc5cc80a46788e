package io.spate.examples.fraud;

import java.time.Instant;

/**
 * A suspicious pair of transactions on one account: a small one followed at once by a large one.
 *
 * @param transactionId the id of the large transaction, which identifies the alert
 * @param account the account
 * @param smallAmountCents the amount of the small transaction, in cents
 * @param largeAmountCents the amount of the large transaction, in cents
 * @param smallTime when the small transaction took place
 * @param largeTime when the large transaction took place
 */
public record Alert(long transactionId, long account, long smallAmountCents, long largeAmountCents,
    Instant smallTime, Instant largeTime) {

  /** The alert for {@code large} coming right after {@code small} on the same account. */
  public static Alert of(Transaction small, Transaction large) {
    return new Alert(large.id(), large.account(), small.amountCents(), large.amountCents(), small.time(),
        large.time());
  }
}
