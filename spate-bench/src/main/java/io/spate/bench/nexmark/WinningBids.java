package io.spate.bench.nexmark;

import io.spate.api.datastream.DataStream;
import io.spate.api.functions.Collector;
import io.spate.api.functions.KeyedCoProcessFunction;
import io.spate.api.functions.OpenContext;
import io.spate.api.state.ListState;
import io.spate.api.state.ListStateDescriptor;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.connectors.nexmark.Auction;
import io.spate.connectors.nexmark.Bid;
import io.spate.connectors.nexmark.Event;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Finds the winning bid of every auction, emitted when the watermark passes the auction's expiry
 * (an event-time timer), with the expiry as its timestamp.
 *
 * <p>Bids that arrive before their auction wait in state until the watermark passes their own time:
 * an auction that is not late arrives before then if it started no later than the bid, and only
 * such auctions can count the bid. So, with no late events, the result is the SQL join's.
 */
final class WinningBids extends KeyedCoProcessFunction<Long, Auction, Bid, WinningBid> {

  private transient ValueState<Auction> auction;
  private transient ValueState<Bid> best;
  private transient ListState<Bid> early;

  /** The winning bids of the auctions and bids of {@code events}. */
  static DataStream<WinningBid> of(DataStream<Event> events) {
    return EventStreams.auctions(events).connect(EventStreams.bids(events))
        .keyBy(Auction::id, Bid::auction)
        .process(new WinningBids()).returns(WinningBid.class).name("Winning bids");
  }

  /** The baseline: every auction of {@code events} that has a bid in time, with its best bid. */
  static void baseline(Iterable<Event> events, Consumer<WinningBid> out) {
    Map<Long, Auction> auctions = new HashMap<>();
    Map<Long, Bid> best = new HashMap<>();
    Map<Long, List<Bid>> early = new HashMap<>();
    for (Event event : events) {
      if (event.auction() != null) {
        Auction a = event.auction();
        auctions.put(a.id(), a);
        List<Bid> waiting = early.remove(a.id());
        if (waiting != null) {
          waiting.forEach(bid -> offer(a, bid, best));
        }
      } else if (event.bid() != null) {
        Bid bid = event.bid();
        Auction a = auctions.get(bid.auction());
        if (a == null) {
          early.computeIfAbsent(bid.auction(), id -> new ArrayList<>()).add(bid);
        } else {
          offer(a, bid, best);
        }
      }
    }
    best.forEach((id, bid) -> out.accept(new WinningBid(auctions.get(id), bid)));
  }

  private static void offer(Auction a, Bid bid, Map<Long, Bid> best) {
    if (WinningBid.inTime(a, bid) && BidOrder.beats(bid, best.get(a.id()))) {
      best.put(a.id(), bid);
    }
  }

  @Override
  public void open(OpenContext openContext) {
    auction = getRuntimeContext().getState(new ValueStateDescriptor<>("auction", Auction.class));
    best = getRuntimeContext().getState(new ValueStateDescriptor<>("best", Bid.class));
    early = getRuntimeContext().getListState(new ListStateDescriptor<>("early", Bid.class));
  }

  @Override
  public void processElement1(Auction a, Context ctx, Collector<WinningBid> out) throws Exception {
    auction.update(a);
    ctx.timerService().registerEventTimeTimer(a.expires());
    Bid winner = null;
    for (Bid bid : early.get()) {
      if (WinningBid.inTime(a, bid) && BidOrder.beats(bid, winner)) {
        winner = bid;
      }
    }
    early.clear();
    if (winner != null) {
      best.update(winner);
    }
  }

  @Override
  public void processElement2(Bid bid, Context ctx, Collector<WinningBid> out) throws Exception {
    Auction a = auction.value();
    if (a == null) {
      early.add(bid);
      ctx.timerService().registerEventTimeTimer(bid.dateTime());
    } else if (WinningBid.inTime(a, bid) && BidOrder.beats(bid, best.value())) {
      best.update(bid);
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<WinningBid> out) throws Exception {
    Auction a = auction.value();
    if (a == null) {
      // the auction of these bids has not come in time: they can never count
      List<Bid> keep = new ArrayList<>();
      for (Bid bid : early.get()) {
        if (bid.dateTime() > timestamp) {
          keep.add(bid);
        }
      }
      early.update(keep);
    } else if (timestamp == a.expires()) {
      Bid winner = best.value();
      if (winner != null) {
        out.collect(new WinningBid(a, winner));
      }
      auction.clear();
      best.clear();
    }
  }
}
