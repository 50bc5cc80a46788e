package io.spate.table.runtime.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The law of {@link DateFormat}: for every time and pattern it prints what Java's formatter of the
 * same pattern prints (or fails alike), whether the pattern has a digit plan or not, and for times
 * outside the years the plan covers.
 */
class DateFormatProperties {

  /** Pieces of patterns: the fields the plan prints, separators, and pieces only the formatter knows. */
  private static final List<String> PIECES = List.of("yyyy", "MM", "dd", "HH", "mm", "ss", "SSS", "-", ":", " ",
      "/", ".", "yy", "M", "EEE", "'T'", "a", "hh");

  private static final Gen<String> PATTERNS = lists().of(integers().between(0, PIECES.size() - 1).map(PIECES::get))
      .ofSizeBetween(1, 8).map(pieces -> String.join("", pieces));

  /** Times from the year -100 to 12000, with nanoseconds. */
  private static final Gen<LocalDateTime> TIMES = longs().between(-65_000_000_000L, 316_000_000_000L)
      .zip(integers().between(0, 999_999_999), (seconds, nanos) -> LocalDateTime.ofEpochSecond(seconds, nanos,
          ZoneOffset.UTC));

  @Test
  void printsWhatTheJavaFormatterPrints() {
    qt().withExamples(20_000).forAll(PATTERNS, TIMES).checkAssert((pattern, time) ->
        assertThat(outcome(() -> DateFormat.of(pattern).format(time))).as("%s in '%s'", time, pattern)
            .isEqualTo(outcome(() -> DateTimeFormatter.ofPattern(pattern, Locale.ROOT).format(time))));
  }

  /**
   * The text, or that it failed: patterns with too many letters of a kind are refused (by {@code
   * DateFormat} with a {@code TableException} naming the pattern), and the JDK's formatter fails on
   * some long runs of a letter it accepted.
   */
  private static String outcome(Supplier<String> format) {
    try {
      return format.get();
    } catch (RuntimeException e) {
      return "fails";
    }
  }

  @Test
  void printsNexmarkQ10sPatternsAsTheFormatterDoes() {
    qt().withExamples(20_000).forAll(TIMES).checkAssert(time -> {
      for (String pattern : List.of("yyyy-MM-dd", "HH:mm", "yyyy-MM-dd HH:mm:ss.SSS")) {
        assertThat(DateFormat.of(pattern).format(time)).as("%s in '%s'", time, pattern)
            .isEqualTo(DateTimeFormatter.ofPattern(pattern, Locale.ROOT).format(time));
      }
    });
  }
}
