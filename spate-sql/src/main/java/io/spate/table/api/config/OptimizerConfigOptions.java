package io.spate.table.api.config;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.configuration.ConfigOption;
import io.spate.api.configuration.ConfigOptions;

/** The options of the SQL planner's optimizations ({@code table.optimizer.*}), with Flink's keys and values. */
@PublicEvolving
public final class OptimizerConfigOptions {

  private OptimizerConfigOptions() {}

  /** Whether a {@code GROUP BY} runs in one phase or as a local aggregate before the shuffle and a global one after. */
  public static final ConfigOption<AggregatePhaseStrategy> TABLE_OPTIMIZER_AGG_PHASE_STRATEGY =
      ConfigOptions.key("table.optimizer.agg-phase-strategy").enumType(AggregatePhaseStrategy.class)
          .defaultValue(AggregatePhaseStrategy.AUTO)
          .withDescription("TWO_PHASE: a GROUP BY with mini-batches enabled whose aggregates can all merge"
              + " accumulators runs as a local aggregate before the shuffle and a global one after it; AUTO: the"
              + " same unless an aggregate is DISTINCT (a local phase cannot fold distinct values away); ONE_PHASE:"
              + " never.");

  /**
   * Whether a window aggregate that a query (or a statement set) computes twice with the same plan over
   * deterministic inputs runs once, its rows going to every reader.
   */
  public static final ConfigOption<Boolean> TABLE_OPTIMIZER_REUSE_SUB_PLAN_ENABLED =
      ConfigOptions.key("table.optimizer.reuse-sub-plan-enabled").booleanType().defaultValue(true)
          .withDescription("When true, the same window aggregate over the same deterministic scans, filters and"
              + " projections, written twice in one job, is computed once and its rows go to every reader.");

  /**
   * Whether an aggregate with {@code DISTINCT} aggregates runs in two levels: a partial aggregate grouped
   * by the keys and a bucket of the distinct values, and a final one merging the buckets per key.
   */
  public static final ConfigOption<Boolean> TABLE_OPTIMIZER_DISTINCT_AGG_SPLIT_ENABLED =
      ConfigOptions.key("table.optimizer.distinct-agg.split.enabled").booleanType().defaultValue(false)
          .withDescription("When true, a GROUP BY or window aggregate with DISTINCT aggregates (and only COUNT, SUM,"
              + " SUM0, MIN and MAX ones) runs as a partial aggregate grouped by its keys and a bucket of each"
              + " distinct argument, then a final aggregate per key, spreading a hot key's distinct values over"
              + " many subtasks.");

  /** How many buckets a split distinct aggregation spreads a key's distinct values over. */
  public static final ConfigOption<Integer> TABLE_OPTIMIZER_DISTINCT_AGG_SPLIT_BUCKET_NUM =
      ConfigOptions.key("table.optimizer.distinct-agg.split.bucket-num").intType().defaultValue(1024)
          .withDescription("The number of buckets of a split distinct aggregation's partial aggregate:"
              + " MOD(HASH_CODE(distinct argument), bucket-num) is its extra group key.");

  /**
   * Whether scans tell their sources which columns and nested fields the query reads, so that a source
   * that can ({@code SupportsProjectionPushDown}) leaves the others out; Spate's own option, on by default.
   */
  public static final ConfigOption<Boolean> TABLE_OPTIMIZER_SPATE_PROJECTION_PUSHDOWN_ENABLED =
      ConfigOptions.key("table.optimizer.spate.projection-pushdown-enabled").booleanType().defaultValue(true)
          .withDescription("When true, a source that supports projection pushdown (nexmark, datagen) is told which"
              + " columns and nested fields the job reads and gives only those; false makes it give every"
              + " field, with the same results (for comparing the two).");

  /** Whether sources that take filters get the conditions their readers apply, as in Flink. */
  public static final ConfigOption<Boolean> TABLE_OPTIMIZER_SOURCE_PREDICATE_PUSHDOWN_ENABLED =
      ConfigOptions.key("table.optimizer.source.predicate-pushdown-enabled").booleanType().defaultValue(true)
          .withDescription("When true, a source that supports filter pushdown (nexmark) is given the conditions"
              + " of the filters that read it and may skip the rows none of them keeps; false makes it give"
              + " every row, with the same results.");

  /** The values of {@link #TABLE_OPTIMIZER_AGG_PHASE_STRATEGY}. */
  @PublicEvolving
  public enum AggregatePhaseStrategy {
    /** Two phases where they apply and pay: mini-batches enabled, every aggregate can merge, none is DISTINCT. */
    AUTO,
    /** One phase: every row goes through the shuffle to its key's aggregate. */
    ONE_PHASE,
    /** Two phases wherever they apply: mini-batches enabled, every aggregate can merge (DISTINCT ones too). */
    TWO_PHASE
  }
}
