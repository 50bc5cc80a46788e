package io.spate.bench.nexmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

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

  /** Any long; one draw in ten is an extreme or lies near zero, where uniform draws seldom go. */
  private static Gen<Long> longs() {
    Gen<Long> edges = Generate.pick(List.of(Long.MIN_VALUE, Long.MIN_VALUE + 1, -1L, 0L, 1L, Long.MAX_VALUE - 1, Long.MAX_VALUE));
    return Generate.frequency(List.of(Pair.of(8, SourceDSL.longs().all()), Pair.of(1, SourceDSL.longs().between(-1000, 1000)),
        Pair.of(1, edges)));
  }

  /** Any int, with the extremes and the values near zero mixed in as for longs. */
  private static Gen<Integer> ints() {
    Gen<Integer> edges = Generate.pick(List.of(Integer.MIN_VALUE, -1, 0, 1, Integer.MAX_VALUE));
    return Generate.frequency(List.of(Pair.of(8, SourceDSL.integers().all()),
        Pair.of(1, SourceDSL.integers().between(-1000, 1000)), Pair.of(1, edges)));
  }

  /**
   * Any char of text: no surrogates, private-use chars or noncharacters. Drawn as an index into the
   * chars that remain rather than filtered, as QuickTheories gives up an example after ten rejections.
   */
  private static Gen<Character> chars() {
    int belowPrivateUse = 0xD800;
    int belowNonCharacters = 0xFDD0 - 0xF900;
    int rest = 0xFFFD - 0xFDF0 + 1;
    return SourceDSL.integers().between(0, belowPrivateUse + belowNonCharacters + rest - 1).map(i -> {
      if (i < belowPrivateUse) {
        return (char) i.intValue();
      }
      int j = i - belowPrivateUse;
      return (char) (j < belowNonCharacters ? 0xF900 + j : 0xFDF0 + j - belowNonCharacters);
    });
  }

  private static Gen<String> strings(int minLength, int maxLength) {
    return SourceDSL.lists().of(chars()).ofSizeBetween(minLength, maxLength).map(list -> {
      StringBuilder text = new StringBuilder(list.size());
      list.forEach(text::append);
      return text.toString();
    });
  }

  /** Finite doubles with two decimal places: hundredths of any long, and doubles beyond them. */
  private static Gen<Double> doubles() {
    Gen<Double> huge = Generate.longRange(Double.doubleToLongBits(0x1p57), Double.doubleToLongBits(Double.MAX_VALUE))
        .zip(SourceDSL.booleans().all(), (bits, negative) -> (negative ? -1 : 1) * Double.longBitsToDouble(bits));
    return Generate.frequency(List.of(Pair.of(4, longs().map(unscaled -> unscaled / 100.0)), Pair.of(1, huge)));
  }

  @Test
  void theSummaryDoesNotDependOnTheOrderOfRows() {
    qt().forAll(SourceDSL.lists().of(longs()).ofSizeBetween(0, 50), longs())
        .checkAssert(ResultSummaryTest::summaryIgnoresOrder);
  }

  private static void summaryIgnoresOrder(List<Long> ids, long seed) {
    List<Row> rows = new ArrayList<>();
    ids.forEach(id -> rows.add(row(id, "n" + id)));
    List<Row> shuffled = new ArrayList<>(rows);
    Collections.shuffle(shuffled, new Random(seed));
    assertThat(ResultSummary.of(shuffled)).isEqualTo(ResultSummary.of(rows));
  }

  @Test
  void rowsThatDifferInOneComponentHashApart() {
    qt().forAll(longs(), strings(0, 255), strings(0, 255)).checkAssert(ResultSummaryTest::rowsDifferingHashApart);
  }

  private static void rowsDifferingHashApart(long id, String name, String other) {
    if (!name.equals(other)) {
      assertThat(CanonicalHash.of(row(id, name))).isNotEqualTo(CanonicalHash.of(row(id, other)));
    }
    assertThat(CanonicalHash.of(row(id, name))).isNotEqualTo(CanonicalHash.of(row(id + 1, name)));
  }

  @Test
  void stringsThatDifferInOneCharacterAlwaysHashApart() {
    qt().forAll(strings(1, 300), SourceDSL.integers().between(0, 299), chars())
        .checkAssert(ResultSummaryTest::oneCharApartHashesApart);
  }

  private static void oneCharApartHashesApart(String text, int at, char replacement) {
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

  @Test
  void primitiveComponentsHashLikeTheirBoxes() {
    qt().forAll(longs(), ints(), doubles(), SourceDSL.booleans().all()).checkAssert((l, i, d, b) -> {
      assertThat(CanonicalHash.of(new Primitives(l, i, d, b))).isEqualTo(CanonicalHash.of(new Boxes(l, i, d, b)));
      assertThat(CanonicalHash.of(new Primitives(l, i, d, b))).isNotEqualTo(CanonicalHash.of(new Primitives(l + 1, i, d, b)));
    });
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
