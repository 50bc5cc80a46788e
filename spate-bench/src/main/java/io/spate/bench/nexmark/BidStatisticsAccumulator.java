package io.spate.bench.nexmark;

import io.spate.connectors.nexmark.Bid;
import java.util.HashSet;
import java.util.Set;

/** Accumulates {@link BidStatistics} and the latest bid time of a group of bids. */
final class BidStatisticsAccumulator {

  // index 0 is the total, 1 to 3 the price ranks
  private final long[] bids = new long[4];
  private final Set<Long>[] bidders = sets();
  private final Set<Long>[] auctions = sets();
  private long latest = Long.MIN_VALUE;

  @SuppressWarnings("unchecked")
  private static Set<Long>[] sets() {
    Set<Long>[] sets = new Set[4];
    for (int i = 0; i < sets.length; i++) {
      sets[i] = new HashSet<>();
    }
    return sets;
  }

  void add(Bid bid) {
    int rank = BidStatistics.rank(bid.price());
    for (int i : new int[] {0, rank}) {
      bids[i]++;
      bidders[i].add(bid.bidder());
      auctions[i].add(bid.auction());
    }
    latest = Math.max(latest, bid.dateTime());
  }

  BidStatisticsAccumulator merge(BidStatisticsAccumulator other) {
    for (int i = 0; i < 4; i++) {
      bids[i] += other.bids[i];
      bidders[i].addAll(other.bidders[i]);
      auctions[i].addAll(other.auctions[i]);
    }
    latest = Math.max(latest, other.latest);
    return this;
  }

  /** The time of the latest bid added. */
  long latest() {
    return latest;
  }

  BidStatistics statistics() {
    return new BidStatistics(bids[0], bids[1], bids[2], bids[3],
        bidders[0].size(), bidders[1].size(), bidders[2].size(), bidders[3].size(),
        auctions[0].size(), auctions[1].size(), auctions[2].size(), auctions[3].size());
  }
}
