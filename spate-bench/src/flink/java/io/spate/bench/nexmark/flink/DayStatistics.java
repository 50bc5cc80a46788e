package io.spate.bench.nexmark.flink;

import io.spate.bench.nexmark.BidStatisticsAccumulator;
import io.spate.connectors.nexmark.Bid;
import java.util.Map;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * The window accumulator of q15 and q16 on Flink: Spate's {@link BidStatisticsAccumulator}, with its
 * Flink type and the aggregate function that feeds it.
 */
final class DayStatistics {

  /** Its type with the maps as Flink maps, so that Flink does not fall back to Kryo for them. */
  static final TypeInformation<BidStatisticsAccumulator> TYPE = Types.POJO(BidStatisticsAccumulator.class, Map.of(
      "bidCounts", Types.PRIMITIVE_ARRAY(Types.LONG),
      "bidderCounts", Types.PRIMITIVE_ARRAY(Types.LONG),
      "auctionCounts", Types.PRIMITIVE_ARRAY(Types.LONG),
      "bidderRanks", Types.MAP(Types.LONG, Types.INT),
      "auctionRanks", Types.MAP(Types.LONG, Types.INT),
      "latestTime", Types.LONG));

  private DayStatistics() {}

  /** Aggregates a window's bids. */
  static final class Aggregate
      implements AggregateFunction<Bid, BidStatisticsAccumulator, BidStatisticsAccumulator> {
    @Override
    public BidStatisticsAccumulator createAccumulator() {
      return new BidStatisticsAccumulator();
    }

    @Override
    public BidStatisticsAccumulator add(Bid bid, BidStatisticsAccumulator acc) {
      acc.add(bid);
      return acc;
    }

    @Override
    public BidStatisticsAccumulator getResult(BidStatisticsAccumulator acc) {
      return acc;
    }

    @Override
    public BidStatisticsAccumulator merge(BidStatisticsAccumulator a, BidStatisticsAccumulator b) {
      return a.merge(b);
    }
  }
}
