package io.spate.api.operators;

/** Whether an operator may run in the same task as its neighbours. */
public enum ChainingStrategy {
  /** Chains with its predecessor and successor where the edge allows it. */
  ALWAYS,
  /** Starts a new chain, but successors may chain to it. */
  HEAD,
  /** Never chains. */
  NEVER
}
