package io.spate.table.planner.translate;

import io.spate.api.annotation.Internal;
import io.spate.api.types.RowKind;
import io.spate.table.connector.ChangelogMode;
import io.spate.table.planner.nodes.ChangelogNormalize;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalCorrelate;
import org.apache.calcite.rel.logical.LogicalJoin;

/**
 * The changes every node of a plan emits, as Spate's operators emit them: sources say what they
 * produce; a {@code GROUP BY} turns inserts into inserts and updates (and deletes, once its input
 * takes rows back); a join emits inserts, and deletes when an input takes rows back or when an outer
 * join replaces a row padded with NULLs (interval, window and temporal joins emit inserts only; a
 * semi join inserts unless an input takes rows back; an anti join deletes a row once it finds a
 * match); a window aggregate, an OVER aggregate, a window Top-N and a
 * deduplication keeping the first row emit inserts only, other Top-Ns and a deduplication keeping
 * the last row emit every kind, and so does the normalization of an upsert source; projections,
 * filters and unions pass on what their inputs emit.
 */
@Internal
public final class ChangelogInference {

  /** What a {@code GROUP BY} over an insert-only input emits. */
  public static final ChangelogMode UPDATES = ChangelogMode.of(RowKind.INSERT, RowKind.UPDATE_BEFORE,
      RowKind.UPDATE_AFTER);

  /** Inserts and deletes, what a join emits over a changing input or as an outer join. */
  public static final ChangelogMode INSERTS_AND_DELETES = ChangelogMode.of(RowKind.INSERT, RowKind.DELETE);

  private final Function<TableScan, ChangelogMode> scans;
  private final Map<RelNode, ChangelogMode> modes = new IdentityHashMap<>();
  private boolean bounded;

  /** An inference in which {@code scans} tells what each table scan produces. */
  public ChangelogInference(Function<TableScan, ChangelogMode> scans) {
    this.scans = scans;
  }

  /** An inference in which every table is insert-only, for plans whose sources are all append-only. */
  public static ChangelogInference insertOnlySources() {
    return new ChangelogInference(scan -> ChangelogMode.insertOnly());
  }

  /**
   * Whether the plans run in batch mode ({@code bounded}), where a sort and a set operation emit their
   * final rows as inserts; this inference, for chaining.
   */
  public ChangelogInference inBatchMode(boolean bounded) {
    this.bounded = bounded;
    modes.clear();
    return this;
  }

  /** Whether the plans run in batch mode. */
  public boolean isBatchMode() {
    return bounded;
  }

  /** The changes {@code node} emits. */
  public ChangelogMode modeOf(RelNode node) {
    ChangelogMode known = modes.get(node);
    if (known == null) {
      known = infer(node);
      modes.put(node, known);
    }
    return known;
  }

  /** Whether {@code node} emits only inserts. */
  public boolean isInsertOnly(RelNode node) {
    return modeOf(node).isInsertOnly();
  }

  /**
   * The node of {@code plan} that turns insert-only inputs into updates or deletes (the lowest such
   * node, first input first), or null if {@code plan} is insert-only.
   */
  public RelNode updatingNode(RelNode plan) {
    if (isInsertOnly(plan)) {
      return null;
    }
    for (RelNode input : plan.getInputs()) {
      RelNode below = updatingNode(input);
      if (below != null) {
        return below;
      }
    }
    return plan;
  }

  private ChangelogMode infer(RelNode node) {
    if (RankTranslator.matches(node)) {
      return RankTranslator.emitsUpdates(node) ? ChangelogMode.all() : ChangelogMode.insertOnly();
    }
    if (node instanceof Window) {
      return ChangelogMode.insertOnly();
    }
    if (node instanceof TableScan scan) {
      return scans.apply(scan);
    }
    if (node instanceof ChangelogNormalize) {
      return ChangelogMode.all();
    }
    if (node instanceof Values) {
      return ChangelogMode.insertOnly();
    }
    if (node instanceof org.apache.calcite.rel.core.Sort sort) {
      return bounded ? ChangelogMode.insertOnly() : SortTranslator.changelogMode(sort, modeOf(sort.getInput()));
    }
    if (node instanceof Aggregate aggregate) {
      if (aggregate instanceof LogicalAggregate logical && StreamTranslator.windowEndField(logical) >= 0) {
        return ChangelogMode.insertOnly();
      }
      return isInsertOnly(aggregate.getInput()) ? UPDATES : ChangelogMode.all();
    }
    if (node instanceof io.spate.table.planner.nodes.GroupTableAggregate tableAggregate) {
      return WindowColumns.windowEnd(tableAggregate.getInput(), tableAggregate.groupSet().toArray()) >= 0
          ? ChangelogMode.insertOnly() // a window's rows, once
          : INSERTS_AND_DELETES; // a key's earlier rows deleted, its new ones inserted
    }
    if (node instanceof LocalGroupAggregate) {
      return ChangelogMode.insertOnly(); // accumulators, inserted once per key and mini-batch
    }
    if (node instanceof GlobalGroupAggregate global) {
      return isInsertOnly(global.aggregateInput()) ? UPDATES : ChangelogMode.all();
    }
    if (node instanceof LogicalJoin join
        && (IntervalJoinTranslator.isIntervalJoin(join) || WindowJoinTranslator.isWindowJoin(join))) {
      return ChangelogMode.insertOnly();
    }
    if (node instanceof LookupJoin) {
      return ChangelogMode.insertOnly(); // refuses an updating left side
    }
    if (node instanceof LogicalCorrelate correlate && UnnestTranslator.isUnnest(correlate)) {
      return modeOf(correlate.getLeft()); // each left row's change kind passes to its elements' rows
    }
    if (node instanceof LogicalCorrelate correlate && !CorrelateTranslator.isTableFunction(correlate)) {
      return ChangelogMode.insertOnly(); // a temporal join, which refuses an updating left side
    }
    if (node instanceof Join join) {
      boolean insertOnlyInputs = isInsertOnly(join.getLeft()) && isInsertOnly(join.getRight());
      if (join.getJoinType() == JoinRelType.SEMI) {
        return insertOnlyInputs ? ChangelogMode.insertOnly() : INSERTS_AND_DELETES;
      }
      return insertOnlyInputs && join.getJoinType() == JoinRelType.INNER ? ChangelogMode.insertOnly()
          : INSERTS_AND_DELETES;
    }
    if (SetOperationTranslator.handles(node)) {
      return SetOperationTranslator.changelogMode(node, this);
    }
    return unionOfInputs(node);
  }

  /** What a node that passes its inputs' rows on (projection, filter, union, ...) emits. */
  private ChangelogMode unionOfInputs(RelNode node) {
    Set<RowKind> kinds = EnumSet.of(RowKind.INSERT);
    for (RelNode input : node.getInputs()) {
      kinds.addAll(modeOf(input).getContainedKinds());
    }
    return ChangelogMode.of(kinds.toArray(new RowKind[0]));
  }
}
