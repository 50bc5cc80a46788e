package io.spate.connectors.datagen;

/**
 * Limits how fast one reader emits, without blocking: the reader asks how many records it may emit
 * now and, when the answer is none, how long until it may emit again. One instance serves one
 * reader thread and needs no locking.
 */
public interface RateLimiter {

  /** Takes up to {@code wanted} permits that are due at {@code nowNanos} and returns how many. */
  int tryAcquire(int wanted, long nowNanos);

  /** Nanoseconds from {@code nowNanos} until at least one permit is due; 0 if one is due now. */
  long nanosUntilNextPermit(long nowNanos);
}
