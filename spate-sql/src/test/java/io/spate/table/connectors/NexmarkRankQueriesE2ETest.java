package io.spate.table.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.datastream.CloseableIterator;
import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import io.spate.connectors.nexmark.Bid;
import io.spate.connectors.nexmark.Event;
import io.spate.connectors.nexmark.NexmarkConfiguration;
import io.spate.connectors.nexmark.NexmarkGenerator;
import io.spate.table.api.EnvironmentSettings;
import io.spate.table.api.TableEnvironment;
import io.spate.table.api.TableResult;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Nexmark queries written with {@code ROW_NUMBER()}, in the SQL Flink users write them: q18
 * (each bidder's last bid on an auction, a deduplication) and q19 (each auction's ten highest bids,
 * a Top-N); their changelogs end in what a plain reading of the generator's bids gives.
 */
class NexmarkRankQueriesE2ETest {

  private static final long EVENTS = 2_000;

  private TableEnvironment tEnv;

  @BeforeEach
  void createTables() {
    tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    // One subtask: bids reach the operators in the generator's order, which decides ties.
    tEnv.getConfig().set("parallelism.default", "1");
    tEnv.executeSql(NexmarkTableE2ETest.NEXMARK_DDL);
    tEnv.executeSql("CREATE VIEW bid AS SELECT bid.auction, bid.bidder, bid.price, bid.channel, bid.url,"
        + " dateTime, bid.extra FROM datagen WHERE event_type = 2");
  }

  @Test
  void q18KeepsEachBiddersLastBidOnEachAuction() {
    Map<Row, Integer> rows = folded(tEnv.executeSql("""
        SELECT auction, bidder, price, channel, url, dateTime, extra
        FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY bidder, auction ORDER BY dateTime DESC) AS rank_number
              FROM bid)
        WHERE rank_number <= 1"""));
    Map<List<Long>, Bid> last = new LinkedHashMap<>();
    for (Bid bid : bids()) {
      last.merge(List.of(bid.bidder(), bid.auction()), bid, (kept, next) -> next.dateTime() >= kept.dateTime()
          ? next : kept);
    }
    Map<Row, Integer> expected = new HashMap<>();
    last.values().forEach(bid -> expected.merge(row(bid), 1, Integer::sum));
    assertThat(rows).isEqualTo(expected);
  }

  @Test
  void q19KeepsEachAuctionsTenHighestBids() {
    Map<Row, Integer> rows = folded(tEnv.executeSql("""
        SELECT * FROM (
          SELECT *, ROW_NUMBER() OVER (PARTITION BY auction ORDER BY price DESC) AS rank_number FROM bid)
        WHERE rank_number <= 10"""));
    Map<Long, List<Bid>> byAuction = new LinkedHashMap<>();
    for (Bid bid : bids()) {
      byAuction.computeIfAbsent(bid.auction(), a -> new ArrayList<>()).add(bid);
    }
    Map<Row, Integer> expected = new HashMap<>();
    byAuction.values().forEach(auctionBids -> {
      // A stable sort: bids of equal price rank in the order they came, as the Top-N ranks them.
      List<Bid> sorted = new ArrayList<>(auctionBids);
      sorted.sort((a, b) -> Long.compare(b.price(), a.price()));
      for (int rank = 1; rank <= Math.min(10, sorted.size()); rank++) {
        Row row = row(sorted.get(rank - 1));
        Row ranked = Row.join(row, Row.of((long) rank));
        expected.merge(ranked, 1, Integer::sum);
      }
    });
    assertThat(rows).isEqualTo(expected);
  }

  private static List<Bid> bids() {
    List<Bid> bids = new ArrayList<>();
    Iterator<Event> events = new NexmarkGenerator(NexmarkConfiguration.builder().events(EVENTS).build())
        .iterator(0, EVENTS);
    while (events.hasNext()) {
      Bid bid = events.next().bid();
      if (bid != null) {
        bids.add(bid);
      }
    }
    return bids;
  }

  private static Row row(Bid bid) {
    return Row.of(bid.auction(), bid.bidder(), bid.price(), bid.channel(), bid.url(),
        LocalDateTime.ofInstant(Instant.ofEpochMilli(bid.dateTime()), ZoneOffset.UTC), bid.extra());
  }

  /** The rows {@code result}'s changelog leaves, with how often each is there. */
  private static Map<Row, Integer> folded(TableResult result) {
    Map<Row, Integer> rows = new HashMap<>();
    try (CloseableIterator<Row> changes = result.collect()) {
      changes.forEachRemaining(change -> {
        RowKind kind = change.getKind();
        Row row = Row.copy(change);
        row.setKind(RowKind.INSERT);
        int sign = kind == RowKind.INSERT || kind == RowKind.UPDATE_AFTER ? 1 : -1;
        rows.merge(row, sign, Integer::sum);
        rows.remove(row, 0);
      });
    }
    rows.values().forEach(count -> assertThat(count).as("how often a row is left").isPositive());
    return rows;
  }
}
