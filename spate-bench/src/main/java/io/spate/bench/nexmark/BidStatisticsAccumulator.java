package io.spate.bench.nexmark;

import io.spate.connectors.nexmark.Bid;
import java.util.HashMap;
import java.util.Map;

/**
 * Accumulates {@link BidStatistics} and the latest bid time of a group of bids. Distinct bidders and
 * auctions are kept once each, with a bit per price rank they were seen in, and counted as they first
 * appear in a rank, as SQL's {@code COUNT(DISTINCT ...) FILTER} keeps its counts: reading the
 * statistics costs the same however many bidders a group has. A POJO, so that window state can
 * serialize it.
 */
public final class BidStatisticsAccumulator {

  /** Bids in total (index 0) and per price rank (1 to 3). */
  public long[] bidCounts = new long[4];
  /** Distinct bidders in total (index 0) and per price rank (1 to 3). */
  public long[] bidderCounts = new long[4];
  /** Distinct auctions in total (index 0) and per price rank (1 to 3). */
  public long[] auctionCounts = new long[4];
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
    see(bidderRanks, bidderCounts, bid.bidder(), 1 << rank);
    see(auctionRanks, auctionCounts, bid.auction(), 1 << rank);
    latestTime = Math.max(latestTime, bid.dateTime());
  }

  /** Adds {@code other} into this accumulator and returns this one. */
  public BidStatisticsAccumulator merge(BidStatisticsAccumulator other) {
    for (int i = 0; i < bidCounts.length; i++) {
      bidCounts[i] += other.bidCounts[i];
    }
    other.bidderRanks.forEach((bidder, ranks) -> see(bidderRanks, bidderCounts, bidder, ranks));
    other.auctionRanks.forEach((auction, ranks) -> see(auctionRanks, auctionCounts, auction, ranks));
    latestTime = Math.max(latestTime, other.latestTime);
    return this;
  }

  /** The statistics accumulated so far. */
  public BidStatistics statistics() {
    return new BidStatistics(bidCounts[0], bidCounts[1], bidCounts[2], bidCounts[3],
        bidderCounts[0], bidderCounts[1], bidderCounts[2], bidderCounts[3],
        auctionCounts[0], auctionCounts[1], auctionCounts[2], auctionCounts[3]);
  }

  // Records that `id` was seen in the ranks of `rankBits`, counting it where it is new.
  private static void see(Map<Long, Integer> ranks, long[] counts, long id, int rankBits) {
    Long key = id;
    Integer old = ranks.putIfAbsent(key, rankBits);
    int added;
    if (old == null) {
      counts[0]++;
      added = rankBits;
    } else {
      added = rankBits & ~old;
      if (added == 0) {
        return;
      }
      ranks.put(key, old | rankBits);
    }
    for (int rank = 1; rank <= 3; rank++) {
      if ((added & 1 << rank) != 0) {
        counts[rank]++;
      }
    }
  }
}
