package io.spate.runtime.operators;

/**
 * A head operator that takes, with each record of a keyed exchange, the key that the producer
 * computed to route it, so that the key selector runs once per record rather than on both sides.
 * The key is valid only for the next {@code processElement} call; the producer's key selector is
 * the one the operator was built with, as both come from the same {@code keyBy}.
 */
public interface KeyedInput {

  /** The key of the next record given to this operator, or null to compute it from the record. */
  void setIncomingKey(Object key);
}
