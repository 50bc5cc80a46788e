package io.spate.table.runtime.expr.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Laws of Flink's built-in string functions, over arbitrary text (including characters beyond the BMP). */
class StringBuiltInsProperties {

  @Test
  void fromBase64UndoesToBase64() {
    qt().forAll(text(30))
        .check(s -> StringBuiltIns.fromBase64(StringBuiltIns.toBase64(s)).equals(s));
  }

  @Test
  void reverseTwiceIsTheIdentity() {
    qt().forAll(text(30))
        .check(s -> StringBuiltIns.reverse(StringBuiltIns.reverse(s)).equals(s));
  }

  @Test
  void paddingGivesTheLengthAskedForWithANonEmptyPad() {
    qt().forAll(text(20), integers().between(0, 40), text(4))
        .assuming((s, n, p) -> !p.isEmpty())
        .check((s, n, p) -> length(StringBuiltIns.lpad(s, n, p)) == n && length(StringBuiltIns.rpad(s, n, p)) == n);
  }

  @Test
  void paddingKeepsTheTextAtItsSide() {
    qt().forAll(strings().basicLatinAlphabet().ofLengthBetween(0, 10), integers().between(0, 20),
            strings().basicLatinAlphabet().ofLengthBetween(1, 3))
        .check((s, n, p) -> n < s.length()
            ? StringBuiltIns.lpad(s, n, p).equals(s.substring(0, n)) && StringBuiltIns.rpad(s, n, p).equals(s.substring(0, n))
            : StringBuiltIns.lpad(s, n, p).endsWith(s) && StringBuiltIns.rpad(s, n, p).startsWith(s));
  }

  @Test
  void leftAndRightTogetherAreTheWholeText() {
    qt().forAll(text(20), integers().between(0, 25))
        .check((s, n) -> {
          int length = length(s);
          int k = Math.min(n, length);
          return (StringBuiltIns.left(s, k) + StringBuiltIns.right(s, length - k)).equals(s);
        });
  }

  @Test
  void locateFindsWhatLeftCut() {
    qt().forAll(strings().basicLatinAlphabet().ofLengthBetween(1, 10), strings().basicLatinAlphabet().ofLengthBetween(1, 3))
        .check((s, needle) -> {
          int at = StringBuiltIns.locate(needle, s, 1);
          return at == s.indexOf(needle) + 1;
        });
  }

  @Test
  void surrogatePairsCountAsOneCharacter() {
    String clef = "a\uD834\uDD1Eb";
    assertThat(StringBuiltIns.reverse(clef)).isEqualTo("b\uD834\uDD1Ea");
    assertThat(StringBuiltIns.left(clef, 2)).isEqualTo("a\uD834\uDD1E");
    assertThat(StringBuiltIns.locate("b", clef, 1)).isEqualTo(3);
    assertThat(StringBuiltIns.lpad(clef, 5, "\uD834\uDD1E")).isEqualTo("\uD834\uDD1E\uD834\uDD1E" + clef);
  }

  private static int length(String s) {
    return s.codePointCount(0, s.length());
  }

  /** Any text of up to {@code maxLength} characters, from the whole of Unicode but without lone surrogates. */
  private static Gen<String> text(int maxLength) {
    return lists().of(integers().between(0, Character.MAX_CODE_POINT - 0x800)).ofSizeBetween(0, maxLength)
        .map(codePoints -> {
          StringBuilder out = new StringBuilder();
          for (int c : codePoints) {
            out.appendCodePoint(c >= Character.MIN_SURROGATE ? c + 0x800 : c);
          }
          return out.toString();
        });
  }
}
