package io.spate.bench.nexmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.connectors.nexmark.Bid;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The per-record functions of the stateless queries, at the edges the test stream does not reach. */
class QueryFunctionsTest {

  private static Bid bid(long price, String channel, String url, long dateTime, String extra) {
    return new Bid(1007, 2001, price, channel, url, dateTime, extra);
  }

  private static long at(String utc) {
    return Instant.parse(utc).toEpochMilli();
  }

  @ParameterizedTest
  @CsvSource({"00:00,nightTime", "06:59,nightTime", "07:00,otherTime", "07:59,otherTime", "08:00,dayTime",
      "18:59,dayTime", "19:00,otherTime", "19:59,otherTime", "20:00,nightTime", "23:59,nightTime"})
  void q14NamesThePartOfTheDayByTheUtcHour(String time, String type) {
    assertThat(Q14.timeType(at("2026-03-01T" + time + ":00Z"))).isEqualTo(type);
  }

  @Test
  void q14KeepsEuroPricesStrictlyBetweenOneAndFiftyMillionAndCountsTheCs() {
    long t = at("2026-03-01T12:00:00Z");
    assertThat(Q14.convert(bid(1_101_321, "Apple", "u", t, "x"))).isNull(); // 999,999.47 euros
    assertThat(Q14.convert(bid(1_101_322, "Apple", "u", t, "x"))).isNotNull(); // 1,000,000.38 euros
    assertThat(Q14.convert(bid(55_066_079, "Apple", "u", t, "x"))).isNotNull(); // 49,999,999.73 euros
    assertThat(Q14.convert(bid(55_066_080, "Apple", "u", t, "x"))).isNull(); // 50,000,000.64 euros
    Q14.Row row = Q14.convert(bid(2_000_000, "Apple", "u", t, "accbc"));
    assertThat(row.price()).isEqualTo(0.908 * 2_000_000);
    assertThat(row.cCounts()).isEqualTo(3);
    assertThat(row.bidTimeType()).isEqualTo("dayTime");
  }

  @ParameterizedTest
  @CsvSource(nullValues = "null", value = {
      "Apple,https://x.com/a?channel_id=9,0", "GOOGLE,https://x.com/a,1", "facebook,u,2", "Baidu,u,3",
      "other,https://x.com/a?x=1&channel_id=42&y=2,42", "other,channel_id=7,7", "other,https://x.com/a?mychannel_id=5,null",
      "other,https://x.com/a?x=1&channel_id=,''"})
  void q21TakesTheKnownChannelsIdElseTheUrlParameter(String channel, String url, String id) {
    Q21.Row row = Q21.withChannelId(bid(100, channel, url, 0, ""));
    if (id == null) {
      assertThat(row).isNull();
    } else {
      assertThat(row.channelId()).isEqualTo(id);
    }
  }

  @Test
  void q22SplitsTheUrlKeepingEmptyPartsAndGivesNullPastTheEnd() {
    Q22.Row full = Q22.Row.of(bid(1, "c", "https://www.nexmark.com/abc/def/ghi/item.htm", 0, ""));
    assertThat(full).extracting(Q22.Row::dir1, Q22.Row::dir2, Q22.Row::dir3).containsExactly("abc", "def", "ghi");
    Q22.Row empty = Q22.Row.of(bid(1, "c", "https://www.nexmark.com/abc//", 0, ""));
    assertThat(empty).extracting(Q22.Row::dir1, Q22.Row::dir2, Q22.Row::dir3).containsExactly("abc", "", "");
    Q22.Row shortUrl = Q22.Row.of(bid(1, "c", "https://www.nexmark.com/item.htm", 0, ""));
    assertThat(shortUrl).extracting(Q22.Row::dir1, Q22.Row::dir2, Q22.Row::dir3)
        .containsExactly("item.htm", null, null);
  }
}
