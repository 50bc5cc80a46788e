package io.spate.api.operators;

import io.spate.api.annotation.PublicEvolving;

/** Whether an operator may run in the same task as its neighbours. */
@PublicEvolving
public enum ChainingStrategy {
  /** Chains with its predecessor and successor where the edge allows it. */
  ALWAYS,
  /** Starts a new chain, but successors may chain to it. */
  HEAD,
  /** Never chains. */
  NEVER
}
