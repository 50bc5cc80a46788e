package io.spate.bench.nexmark;

import io.spate.api.datastream.DataStream;
import io.spate.api.functions.Collector;
import io.spate.api.functions.KeyedProcessFunction;
import io.spate.api.functions.OpenContext;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.connectors.nexmark.Bid;
import io.spate.connectors.nexmark.Event;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Nexmark q18, find last bid: the latest bid of every bidder on every auction. Each newer bid
 * replaces the one before, so the output is a stream of updates keyed by bidder and auction; the
 * result is the last row per key. Bids of the same time are ordered by {@link BidOrder}, so the last
 * row does not depend on arrival order.
 */
public final class Q18 implements NexmarkQuery<Bid> {

  /** Earlier bids first; the greatest is the latest. */
  static final Comparator<Bid> RECENCY = Comparator.comparingLong(Bid::dateTime)
      .thenComparing(BidOrder.BEST_FIRST.reversed());

  /** The key of q18's rows. */
  public record BidderAuction(long bidder, long auction) {
    static BidderAuction of(Bid bid) {
      return new BidderAuction(bid.bidder(), bid.auction());
    }
  }

  static boolean newer(Bid candidate, Bid current) {
    return current == null || RECENCY.compare(candidate, current) > 0;
  }

  @Override
  public String name() {
    return "q18";
  }

  @Override
  public DataStream<Bid> build(DataStream<Event> events) {
    return EventStreams.bids(events).keyBy(BidderAuction::of)
        .process(new LastBid()).returns(Bid.class).name("q18");
  }

  @Override
  public void baseline(Iterable<Event> events, Consumer<? super Bid> out) {
    Map<BidderAuction, Bid> last = new HashMap<>();
    for (Event event : events) {
      Bid bid = event.bid();
      if (bid != null) {
        last.merge(BidderAuction.of(bid), bid, (current, candidate) -> newer(candidate, current) ? candidate : current);
      }
    }
    last.values().forEach(out);
  }

  @Override
  public ResultFold<Bid> newFold(boolean keepRows) {
    return ResultFold.upsert(BidderAuction::of);
  }

  /** Emits a bid when it is the newest of its bidder and auction. */
  static final class LastBid extends KeyedProcessFunction<BidderAuction, Bid, Bid> {
    private transient ValueState<Bid> last;

    @Override
    public void open(OpenContext openContext) {
      last = getRuntimeContext().getState(new ValueStateDescriptor<>("last", Bid.class));
    }

    @Override
    public void processElement(Bid bid, Context ctx, Collector<Bid> out) throws Exception {
      if (newer(bid, last.value())) {
        last.update(bid);
        out.collect(bid);
      }
    }
  }
}
