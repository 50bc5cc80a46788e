package io.spate.table.planner.translate;

import io.spate.api.datastream.DataStream;
import io.spate.api.types.Row;
import org.apache.calcite.rel.logical.LogicalJoin;

/**
 * Picks the translation of a join that is not a regular one: an interval join, a window join, or a
 * semi or anti join (from {@code IN}/{@code EXISTS} subqueries). Regular joins stay with {@link StreamTranslator}.
 */
final class JoinTranslators {

  private JoinTranslators() {}

  /** Whether {@code join} has a translation here. */
  static boolean handles(LogicalJoin join) {
    return SemiAntiJoinTranslator.isSemiOrAnti(join) || WindowJoinTranslator.isWindowJoin(join)
        || IntervalJoinTranslator.isIntervalJoin(join);
  }

  /** The stream of {@code join}'s rows; only for a join this {@link #handles}. */
  static DataStream<Row> translate(StreamTranslator translator, LogicalJoin join) {
    if (SemiAntiJoinTranslator.isSemiOrAnti(join)) {
      return new SemiAntiJoinTranslator(translator).translate(join);
    }
    if (WindowJoinTranslator.isWindowJoin(join)) {
      return new WindowJoinTranslator(translator).translate(join);
    }
    return new IntervalJoinTranslator(translator).translate(join);
  }
}
