package io.spate.table.api;

import io.spate.api.annotation.PublicEvolving;

/** Extra details an explanation of a statement may show ({@code EXPLAIN CHANGELOG_MODE ...}). */
@PublicEvolving
public enum ExplainDetail {
  /** The estimated cost of every node; accepted, Spate's plans carry no cost estimates yet. */
  ESTIMATED_COST,
  /** The changes every node emits: {@code I} inserts, {@code UB}/{@code UA} update before/after, {@code D} deletes. */
  CHANGELOG_MODE,
  /** The job graph as JSON; accepted, not shown yet. */
  JSON_EXECUTION_PLAN,
  /** Advice on the plan; accepted, none is given yet. */
  PLAN_ADVICE
}
