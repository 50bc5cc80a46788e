package io.spate.bench.nexmark.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.bench.nexmark.CanonicalHash;
import io.spate.bench.nexmark.Q1;
import io.spate.bench.nexmark.WinningBid;
import io.spate.connectors.nexmark.Auction;
import io.spate.connectors.nexmark.Bid;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SQL rows become the DataStream versions' records, nested records from flattened columns. */
class FlatRecordsTest {

  @Test
  void nestedRecordsTakeTheirColumnsInOrderAndTimestampsBecomeEpochMillis() {
    FlatRecords<WinningBid> records = FlatRecords.of(WinningBid.class);
    LocalDateTime start = LocalDateTime.of(2015, 7, 15, 0, 0, 1, 500_000_000);
    List<Object> row = List.of(1001L, "item", "text", 10L, 20L, start, start.plusSeconds(10), 7L, 10L, "ax",
        1001L, 42L, 99L, "Google", "https://x/y", start.plusSeconds(2), "bx");

    WinningBid built = records.build(row::get);

    long millis = 1_436_918_401_500L;
    WinningBid expected = new WinningBid(
        new Auction(1001, "item", "text", 10, 20, millis, millis + 10_000, 7, 10, "ax"),
        new Bid(1001, 42, 99, "Google", "https://x/y", millis + 2_000, "bx"));
    assertThat(records.columns()).isEqualTo(17);
    assertThat(built).isEqualTo(expected);
    assertThat(CanonicalHash.of(built)).isEqualTo(CanonicalHash.of(expected));
  }

  @Test
  void numbersWidenToTheComponentsType() {
    List<Object> row = List.of(1, 2L, 3.5, LocalDateTime.of(1970, 1, 1, 0, 0, 1), "e");

    assertThat(FlatRecords.of(Q1.Row.class).build(row::get)).isEqualTo(new Q1.Row(1, 2, 3.5, 1_000, "e"));
  }

  @Test
  void aValueThatDoesNotFitNamesItsColumn() {
    List<Object> row = java.util.Arrays.asList(1L, null, 3.5, 4L, "e");

    assertThatThrownBy(() -> FlatRecords.of(Q1.Row.class).build(row::get))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Column 1 (Row.bidder, a long)")
        .hasMessageContaining("NULL");
    assertThatThrownBy(() -> FlatRecords.of(String.class)).hasMessageContaining("not a record");
  }
}
