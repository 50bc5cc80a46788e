package io.spate.examples.fraud;

import java.time.Instant;

/**
 * A card transaction, as the fraud-detection example reads it from Kafka (one JSON object per
 * message, keyed by account).
 *
 * @param id the transaction's id, unique over all accounts
 * @param account the account charged
 * @param amountCents the amount, in cents
 * @param time when the transaction took place (the event time)
 */
public record Transaction(long id, long account, long amountCents, Instant time) {}
