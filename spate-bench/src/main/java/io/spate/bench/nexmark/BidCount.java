package io.spate.bench.nexmark;

import io.spate.api.functions.AggregateFunction;
import io.spate.connectors.nexmark.Bid;

/** Counts the bids of a window. */
final class BidCount implements AggregateFunction<Bid, Long, Long> {

  @Override
  public Long createAccumulator() {
    return 0L;
  }

  @Override
  public Long add(Bid value, Long accumulator) {
    return accumulator + 1;
  }

  @Override
  public Long getResult(Long accumulator) {
    return accumulator;
  }

  @Override
  public Long merge(Long a, Long b) {
    return a + b;
  }
}
