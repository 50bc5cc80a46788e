package io.spate.table.runtime.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The cached formatter of {@code DATE_FORMAT} gives what formatting each time afresh gives. */
class CachedDateFormatterTest {

  private static final List<String> PATTERNS = List.of("yyyy-MM-dd", "HH:mm", "yyyy-MM-dd HH:mm:ss", "EEE d MMM",
      "hh a", "mm:ss", "yyyy-MM-dd HH:mm:ss.SSS", "'day' D", "QQQ yyyy", "w", "HH", "uuuu");

  /** Times that walk forwards and backwards by random steps from milliseconds to years, in any pattern. */
  @Test
  void everyTimeGetsTheTextOfItsOwnFormatting() {
    qt().withExamples(300).forAll(integers().between(0, PATTERNS.size() - 1),
        longs().between(-5_000_000_000_000L, 5_000_000_000_000L),
        lists().of(longs().between(-100_000_000_000L, 100_000_000_000L)).ofSizeBetween(1, 60),
        integers().between(0, 4)).checkAssert((p, startMillis, steps, scale) -> {
          String pattern = PATTERNS.get(p);
          CachedDateFormatter cached = CachedDateFormatter.of(pattern);
          DateTimeFormatter plain = DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
          long millis = startMillis;
          for (long step : steps) {
            millis += step / (long) Math.pow(1000, scale); // small steps stay within a period, large ones leave it
            LocalDateTime time = LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000),
                (int) Math.floorMod(millis, 1000) * 1_000_000, java.time.ZoneOffset.UTC);
            assertThat(cached.format(time)).as("%s at %s", pattern, time).isEqualTo(plain.format(time));
          }
        });
  }

  @Test
  void periodsFollowTheFinestField() {
    assertThat(CachedDateFormatter.period("yyyy-MM-dd")).isEqualTo(86_400_000L);
    assertThat(CachedDateFormatter.period("HH:mm")).isEqualTo(60_000L);
    assertThat(CachedDateFormatter.period("hh a")).isEqualTo(3_600_000L);
    assertThat(CachedDateFormatter.period("HH:mm:ss")).isEqualTo(1_000L);
    assertThat(CachedDateFormatter.period("HH:mm:ss.SSS")).isZero();
    assertThat(CachedDateFormatter.period("yyyy-MM-dd'T'HH")).isZero();
    assertThat(CachedDateFormatter.period("yyyy-MM-dd VV")).isZero();
  }
}
