package io.spate.bench.nexmark.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import io.spate.bench.nexmark.CanonicalHash;
import io.spate.bench.nexmark.ResultSummary;
import io.spate.bench.nexmark.Q4;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

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

  @Test
  void changesGivenByTheirHashesFoldAsTheRowsThemselves() {
    Gen<Q4.Row> rows = SourceDSL.longs().between(0, 20).zip(SourceDSL.longs().all(), Q4.Row::new);
    qt().forAll(SourceDSL.lists().of(rows.zip(SourceDSL.booleans().all(), Pair::of)).ofSizeBetween(0, 40))
        .checkAssert(changes -> {
          ChangelogFold byRow = new ChangelogFold(false);
          ChangelogFold byHash = new ChangelogFold(false);
          for (Pair<Q4.Row, Boolean> change : changes) {
            if (change._2) {
              byRow.insert(change._1);
              byHash.insertHashed(CanonicalHash.of(change._1));
            } else {
              byRow.retract(change._1);
              byHash.retractHashed(CanonicalHash.of(change._1));
            }
          }
          assertThat(byHash.summary()).isEqualTo(byRow.summary());
        });
  }

  @Test
  void aFoldThatKeepsRowsRefusesHashes() {
    ChangelogFold fold = new ChangelogFold(true);
    assertThatThrownBy(() -> fold.insertHashed(1)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("keeps its rows");
    assertThatThrownBy(() -> fold.retractHashed(1)).isInstanceOf(IllegalStateException.class);
  }
}
