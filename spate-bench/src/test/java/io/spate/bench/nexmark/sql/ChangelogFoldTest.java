package io.spate.bench.nexmark.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.bench.nexmark.ResultSummary;
import io.spate.bench.nexmark.Q4;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A changelog folds into the summary of its final table, however its changes are split. */
class ChangelogFoldTest {

  @Test
  void retractionsTakeRowsAwaySoTheSummaryIsTheFinalTables() {
    ChangelogFold fold = new ChangelogFold(true);
    fold.insert(new Q4.Row(1, 100));
    fold.insert(new Q4.Row(2, 50));
    fold.retract(new Q4.Row(1, 100));
    fold.insert(new Q4.Row(1, 120));

    List<Object> table = List.of(new Q4.Row(2, 50), new Q4.Row(1, 120));
    assertThat(fold.rows()).containsExactlyInAnyOrderElementsOf(table);
    assertThat(fold.summary()).isEqualTo(ResultSummary.of(table));
  }

  @Test
  void foldsOfParallelPartsAddUpWhereverARetractionArrives() {
    ChangelogFold one = new ChangelogFold(false);
    ChangelogFold two = new ChangelogFold(false);
    one.insert(new Q4.Row(1, 100));
    two.retract(new Q4.Row(1, 100));
    two.insert(new Q4.Row(1, 120));

    ResultSummary a = one.summary();
    ResultSummary b = two.summary();
    assertThat(new ResultSummary(a.count() + b.count(), a.checksum() + b.checksum()))
        .isEqualTo(ResultSummary.of(List.of(new Q4.Row(1, 120))));
  }
}
