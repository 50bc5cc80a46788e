package io.spate.bench.nexmark.flink;

import io.spate.bench.nexmark.BidStatistics;
import io.spate.connectors.nexmark.Bid;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * The window accumulator of q15 and q16: bid counts, distinct bidders and auctions with a bit per
 * price rank they were seen in, and the latest bid time. A POJO, so Flink serializes it without Kryo.
 */
public final class DayStatistics {

  /** Its type with the maps as Flink maps, so that Flink does not fall back to Kryo for them. */
  static final TypeInformation<DayStatistics> TYPE = Types.POJO(DayStatistics.class, Map.of(
      "bidCounts", Types.PRIMITIVE_ARRAY(Types.LONG),
      "bidderRanks", Types.MAP(Types.LONG, Types.INT),
      "auctionRanks", Types.MAP(Types.LONG, Types.INT),
      "latestTime", Types.LONG));

  /** Bids in total (index 0) and per price rank (1 to 3). */
  public long[] bidCounts = new long[4];
  /** Each bidder, with bit r set if it bid in price rank r. */
  public Map<Long, Integer> bidderRanks = new HashMap<>();
  /** Each auction, with bit r set if it got a bid in price rank r. */
  public Map<Long, Integer> auctionRanks = new HashMap<>();
  /** The time of the latest bid. */
  public long latestTime = Long.MIN_VALUE;

  /** Empty statistics. */
  public DayStatistics() {}

  void add(Bid bid) {
    int rank = Bids.rank(bid.price());
    bidCounts[0]++;
    bidCounts[rank]++;
    bidderRanks.merge(bid.bidder(), 1 << rank, (a, b) -> a | b);
    auctionRanks.merge(bid.auction(), 1 << rank, (a, b) -> a | b);
    latestTime = Math.max(latestTime, bid.dateTime());
  }

  DayStatistics merge(DayStatistics other) {
    for (int i = 0; i < bidCounts.length; i++) {
      bidCounts[i] += other.bidCounts[i];
    }
    other.bidderRanks.forEach((bidder, ranks) -> bidderRanks.merge(bidder, ranks, (a, b) -> a | b));
    other.auctionRanks.forEach((auction, ranks) -> auctionRanks.merge(auction, ranks, (a, b) -> a | b));
    latestTime = Math.max(latestTime, other.latestTime);
    return this;
  }

  BidStatistics statistics() {
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

  /** Aggregates a window's bids. */
  static final class Aggregate implements AggregateFunction<Bid, DayStatistics, DayStatistics> {
    @Override
    public DayStatistics createAccumulator() {
      return new DayStatistics();
    }

    @Override
    public DayStatistics add(Bid bid, DayStatistics acc) {
      acc.add(bid);
      return acc;
    }

    @Override
    public DayStatistics getResult(DayStatistics acc) {
      return acc;
    }

    @Override
    public DayStatistics merge(DayStatistics a, DayStatistics b) {
      return a.merge(b);
    }
  }
}
