package io.spate.bench.nexmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** Canonical hashes and result folds: equal results give equal summaries, whatever the order. */
class ResultSummaryTest {

  /** A row like a query's. */
  public record Row(long id, String name, double price, List<Long> ids, Row nested) {}

  /** The same values as primitives and as boxes. */
  public record Primitives(long l, int i, double d, boolean b) {}

  /** The boxed twin of {@link Primitives}. */
  public record Boxes(Long l, Integer i, Double d, Boolean b) {}

  private static Row row(long id, String name) {
    return new Row(id, name, id * 0.908, List.of(id, id + 1), null);
  }

  @Property
  void theSummaryDoesNotDependOnTheOrderOfRows(@ForAll @Size(max = 50) List<Long> ids, @ForAll long seed) {
    List<Row> rows = new ArrayList<>();
    ids.forEach(id -> rows.add(row(id, "n" + id)));
    List<Row> shuffled = new ArrayList<>(rows);
    Collections.shuffle(shuffled, new Random(seed));
    assertThat(ResultSummary.of(shuffled)).isEqualTo(ResultSummary.of(rows));
  }

  @Property
  void rowsThatDifferInOneComponentHashApart(@ForAll long id, @ForAll String name, @ForAll String other) {
    if (!name.equals(other)) {
      assertThat(CanonicalHash.of(row(id, name))).isNotEqualTo(CanonicalHash.of(row(id, other)));
    }
    assertThat(CanonicalHash.of(row(id, name))).isNotEqualTo(CanonicalHash.of(row(id + 1, name)));
  }

  @Property
  void stringsThatDifferInOneCharacterAlwaysHashApart(@ForAll @StringLength(min = 1, max = 300) String text,
      @ForAll @IntRange(min = 0, max = 299) int at, @ForAll char replacement) {
    int position = at % text.length();
    if (text.charAt(position) == replacement) {
      return;
    }
    String changed = text.substring(0, position) + replacement + text.substring(position + 1);
    // not only unlikely to collide: every step of the string fold is a bijection, so they never do
    assertThat(CanonicalHash.of(row(7, changed))).isNotEqualTo(CanonicalHash.of(row(7, text)));
    assertThat(CanonicalHash.of(changed)).isNotEqualTo(CanonicalHash.of(text));
  }

  @Test
  void hashesDependOnValuesOnly() {
    Row a = new Row(1, new String("x"), 0.0, new ArrayList<>(List.of(1L)), row(2, "y"));
    Row b = new Row(1, "x", -0.0, List.of(1L), row(2, "y"));
    assertThat(CanonicalHash.of(a)).isEqualTo(CanonicalHash.of(b));
    assertThat(CanonicalHash.of(new Row(1, null, 0, List.of(), null)))
        .isNotEqualTo(CanonicalHash.of(new Row(1, "", 0, List.of(), null)));
    assertThat(CanonicalHash.of(List.of(1L, 2L))).isNotEqualTo(CanonicalHash.of(List.of(2L, 1L)));
    assertThatThrownBy(() -> CanonicalHash.of(new Object())).isInstanceOf(IllegalArgumentException.class);
  }

  @Property
  void primitiveComponentsHashLikeTheirBoxes(@ForAll long l, @ForAll int i, @ForAll double d, @ForAll boolean b) {
    assertThat(CanonicalHash.of(new Primitives(l, i, d, b))).isEqualTo(CanonicalHash.of(new Boxes(l, i, d, b)));
    assertThat(CanonicalHash.of(new Primitives(l, i, d, b))).isNotEqualTo(CanonicalHash.of(new Primitives(l + 1, i, d, b)));
  }

  @Test
  void aDuplicatedRowCountsTwice() {
    assertThat(ResultSummary.of(List.of(row(1, "a"), row(1, "a"))))
        .isNotEqualTo(ResultSummary.of(List.of(row(1, "a"))))
        .extracting(ResultSummary::count).isEqualTo(2L);
  }

  @Test
  void anUpsertFoldKeepsTheLastRowPerKey() {
    ResultFold<Row> fold = ResultFold.upsert(Row::id);
    fold.add(row(1, "old"));
    fold.add(row(2, "b"));
    fold.add(row(1, "new"));
    assertThat(fold.rows()).containsExactlyInAnyOrder(row(1, "new"), row(2, "b"));
    assertThat(fold.summary()).isEqualTo(ResultSummary.of(List.of(row(2, "b"), row(1, "new"))));
  }

  @Test
  void anInsertOnlyFoldWithoutRowsStillSummarizes() {
    ResultFold<Row> fold = ResultFold.insertOnly(false);
    fold.add(row(1, "a"));
    assertThat(fold.summary()).isEqualTo(ResultSummary.of(List.of(row(1, "a"))));
    assertThatThrownBy(fold::rows).isInstanceOf(IllegalStateException.class);
  }
}
