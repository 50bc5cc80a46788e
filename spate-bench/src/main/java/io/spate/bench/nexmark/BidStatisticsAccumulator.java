package io.spate.bench.nexmark;

import io.spate.connectors.nexmark.Bid;
import java.util.HashMap;
import java.util.Map;

/**
 * Accumulates {@link BidStatistics} and the latest bid time of a group of bids. Distinct bidders and
 * auctions are kept once each, with a bit per price rank they were seen in. A POJO, so that window
 * state can serialize it.
 */
public final class BidStatisticsAccumulator {

  /** Bids in total (index 0) and per price rank (1 to 3). */
  public long[] bidCounts = new long[4];
  /** Each bidder, with bit r set if it bid in price rank r. */
  public Map<Long, Integer> bidderRanks = new HashMap<>();
  /** Each auction, with bit r set if it got a bid in price rank r. */
  public Map<Long, Integer> auctionRanks = new HashMap<>();
  /** The time of the latest bid. */
  public long latestTime = Long.MIN_VALUE;

  /** An empty accumulator. */
  public BidStatisticsAccumulator() {}

  /** Adds {@code bid}. */
  public void add(Bid bid) {
    int rank = BidStatistics.rank(bid.price());
    bidCounts[0]++;
    bidCounts[rank]++;
    bidderRanks.merge(bid.bidder(), 1 << rank, (a, b) -> a | b);
    auctionRanks.merge(bid.auction(), 1 << rank, (a, b) -> a | b);
    latestTime = Math.max(latestTime, bid.dateTime());
  }

  /** Adds {@code other} into this accumulator and returns this one. */
  public BidStatisticsAccumulator merge(BidStatisticsAccumulator other) {
    for (int i = 0; i < bidCounts.length; i++) {
      bidCounts[i] += other.bidCounts[i];
    }
    other.bidderRanks.forEach((bidder, ranks) -> bidderRanks.merge(bidder, ranks, (a, b) -> a | b));
    other.auctionRanks.forEach((auction, ranks) -> auctionRanks.merge(auction, ranks, (a, b) -> a | b));
    latestTime = Math.max(latestTime, other.latestTime);
    return this;
  }

  /** The statistics accumulated so far. */
  public BidStatistics statistics() {
    long[] bidders = distinct(bidderRanks);
    long[] auctions = distinct(auctionRanks);
    return new BidStatistics(bidCounts[0], bidCounts[1], bidCounts[2], bidCounts[3],
        bidders[0], bidders[1], bidders[2], bidders[3], auctions[0], auctions[1], auctions[2], auctions[3]);
  }

  private static long[] distinct(Map<Long, Integer> ranks) {
    long[] counts = new long[4];
    counts[0] = ranks.size();
    for (int bits : ranks.values()) {
      for (int rank = 1; rank <= 3; rank++) {
        if ((bits & 1 << rank) != 0) {
          counts[rank]++;
        }
      }
    }
    return counts;
  }
}
