package io.spate.table.connector.source.abilities;

import io.spate.api.annotation.PublicEvolving;
import io.spate.table.expressions.ResolvedExpression;
import java.util.List;

/**
 * A scan source that can skip rows by conditions, as Flink's interface of the same name: before it is
 * asked for its runtime provider, the planner offers it the conditions (each a conjunct, over the
 * table's physical columns) that every row the query keeps meets. The source may drop rows that fail
 * the filters it accepts; Spate still applies every condition after the source, so a source may apply
 * a filter only in part (a prefilter), and dropping too few rows is never wrong.
 */
@PublicEvolving
public interface SupportsFilterPushDown {

  /** Offers {@code filters} to the source, which says which it applies and which it leaves to the planner. */
  Result applyFilters(List<ResolvedExpression> filters);

  /** The filters a source applies ({@code accepted}) and those it does not apply in full ({@code remaining}). */
  final class Result {
    private final List<ResolvedExpression> acceptedFilters;
    private final List<ResolvedExpression> remainingFilters;

    private Result(List<ResolvedExpression> acceptedFilters, List<ResolvedExpression> remainingFilters) {
      this.acceptedFilters = List.copyOf(acceptedFilters);
      this.remainingFilters = List.copyOf(remainingFilters);
    }

    /** The result of applying {@code acceptedFilters} and leaving {@code remainingFilters}; a filter may be in both. */
    public static Result of(List<ResolvedExpression> acceptedFilters, List<ResolvedExpression> remainingFilters) {
      return new Result(acceptedFilters, remainingFilters);
    }

    /** The filters the source applies, maybe only in part. */
    public List<ResolvedExpression> getAcceptedFilters() {
      return acceptedFilters;
    }

    /** The filters the source does not apply in full. */
    public List<ResolvedExpression> getRemainingFilters() {
      return remainingFilters;
    }
  }
}
