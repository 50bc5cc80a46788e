package io.spate.bench.nexmark;

import io.spate.api.datastream.DataStream;
import io.spate.connectors.nexmark.Event;
import java.util.function.Consumer;

/**
 * Nexmark q9, winning bids: every auction with its best bid made between its start and expiry
 * (highest price, then earliest), emitted once when the auction closes in event time.
 */
public final class Q9 implements NexmarkQuery<WinningBid> {

  @Override
  public String name() {
    return "q9";
  }

  @Override
  public DataStream<WinningBid> build(DataStream<Event> events) {
    return WinningBids.of(events);
  }

  @Override
  public void baseline(Iterable<Event> events, Consumer<? super WinningBid> out) {
    WinningBids.baseline(events, out::accept);
  }
}
