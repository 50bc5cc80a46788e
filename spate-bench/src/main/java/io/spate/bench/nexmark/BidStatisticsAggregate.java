package io.spate.bench.nexmark;

import io.spate.api.functions.AggregateFunction;
import io.spate.connectors.nexmark.Bid;

/** Aggregates bids into a {@link BidStatisticsAccumulator}. */
final class BidStatisticsAggregate
    implements AggregateFunction<Bid, BidStatisticsAccumulator, BidStatisticsAccumulator> {

  @Override
  public BidStatisticsAccumulator createAccumulator() {
    return new BidStatisticsAccumulator();
  }

  @Override
  public BidStatisticsAccumulator add(Bid bid, BidStatisticsAccumulator accumulator) {
    accumulator.add(bid);
    return accumulator;
  }

  @Override
  public BidStatisticsAccumulator getResult(BidStatisticsAccumulator accumulator) {
    return accumulator;
  }

  @Override
  public BidStatisticsAccumulator merge(BidStatisticsAccumulator a, BidStatisticsAccumulator b) {
    return a.merge(b);
  }
}
