package io.spate.bench.nexmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.spate.connectors.nexmark.Bid;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/** The distinct counts kept as bids come equal those counted from the bids afterwards, however they are grouped. */
class BidStatisticsAccumulatorTest {

  private static Gen<List<Bid>> bids() {
    // few bidders and auctions, so that most bids meet one seen before; prices on both sides of each rank's edge
    Gen<Long> ids = SourceDSL.longs().between(1, 12);
    Gen<Long> prices = Generate.pick(List.of(1L, 9_999L, 10_000L, 999_999L, 1_000_000L, 50_000_000L));
    Gen<Bid> bid = ids.zip(ids, prices, SourceDSL.longs().between(0, 1_000),
        (auction, bidder, price, time) -> new Bid(auction, bidder, price, "c", "u", time, ""));
    return SourceDSL.lists().of(bid).ofSizeBetween(0, 60);
  }

  @Test
  void countsKeptAsBidsComeEqualCountsOfTheBids() {
    qt().forAll(bids(), SourceDSL.lists().of(SourceDSL.integers().between(0, 60)).ofSizeBetween(0, 6))
        .checkAssert(BidStatisticsAccumulatorTest::countsKeptEqualCountsAfterwards);
  }

  private static void countsKeptEqualCountsAfterwards(List<Bid> bids, List<Integer> cuts) {
    // the bids cut into groups, each accumulated alone and then merged in, as merging windows do
    List<BidStatisticsAccumulator> groups = new ArrayList<>();
    groups.add(new BidStatisticsAccumulator());
    for (int i = 0; i < bids.size(); i++) {
      if (cuts.contains(i)) {
        groups.add(new BidStatisticsAccumulator());
      }
      groups.get(groups.size() - 1).add(bids.get(i));
    }
    BidStatisticsAccumulator merged = groups.get(0);
    for (BidStatisticsAccumulator group : groups.subList(1, groups.size())) {
      merged.merge(group);
    }
    assertThat(merged.statistics()).isEqualTo(countedAfterwards(bids));
    assertThat(merged.latestTime).isEqualTo(bids.stream().mapToLong(Bid::dateTime).max().orElse(Long.MIN_VALUE));
  }

  @Test
  void aBidderCountsOncePerRankAndOnceInTotal() {
    BidStatisticsAccumulator acc = new BidStatisticsAccumulator();
    acc.add(new Bid(1, 7, 5, "c", "u", 0, ""));
    acc.add(new Bid(2, 7, 6, "c", "u", 0, ""));
    acc.add(new Bid(2, 7, 2_000_000, "c", "u", 0, ""));
    BidStatistics s = acc.statistics();
    assertThat(List.of(s.totalBids(), s.rank1Bids(), s.rank2Bids(), s.rank3Bids())).containsExactly(3L, 2L, 0L, 1L);
    assertThat(List.of(s.totalBidders(), s.rank1Bidders(), s.rank2Bidders(), s.rank3Bidders()))
        .containsExactly(1L, 1L, 0L, 1L);
    assertThat(List.of(s.totalAuctions(), s.rank1Auctions(), s.rank2Auctions(), s.rank3Auctions()))
        .containsExactly(2L, 2L, 0L, 1L);
  }

  // The model: sets of the bidders and auctions seen in total and in each rank.
  private static BidStatistics countedAfterwards(List<Bid> bids) {
    long[] bidCounts = new long[4];
    List<Set<Long>> bidders = List.of(new HashSet<>(), new HashSet<>(), new HashSet<>(), new HashSet<>());
    List<Set<Long>> auctions = List.of(new HashSet<>(), new HashSet<>(), new HashSet<>(), new HashSet<>());
    for (Bid bid : bids) {
      int rank = bid.price() < 10_000 ? 1 : bid.price() < 1_000_000 ? 2 : 3;
      for (int slot : new int[] {0, rank}) {
        bidCounts[slot]++;
        bidders.get(slot).add(bid.bidder());
        auctions.get(slot).add(bid.auction());
      }
    }
    return new BidStatistics(bidCounts[0], bidCounts[1], bidCounts[2], bidCounts[3],
        bidders.get(0).size(), bidders.get(1).size(), bidders.get(2).size(), bidders.get(3).size(),
        auctions.get(0).size(), auctions.get(1).size(), auctions.get(2).size(), auctions.get(3).size());
  }
}
