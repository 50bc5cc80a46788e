package io.spate.bench.nexmark.flink;

import io.spate.bench.nexmark.BidOrder;
import io.spate.bench.nexmark.WinningBid;
import io.spate.connectors.nexmark.Auction;
import io.spate.connectors.nexmark.Bid;
import io.spate.connectors.nexmark.Event;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The winning bid of every auction, emitted by an event-time timer at the auction's expiry. Bids
 * that come before their auction wait until the watermark passes their own time, as in Spate's q9.
 */
final class WinningBids extends KeyedCoProcessFunction<Long, Auction, Bid, WinningBid> {

  private transient ValueState<Auction> auction;
  private transient ValueState<Bid> best;
  private transient ListState<Bid> early;

  static DataStream<WinningBid> of(DataStream<Event> events) {
    return FlinkEvents.auctions(events).connect(FlinkEvents.bids(events))
        .keyBy(Auction::id, Bid::auction)
        .process(new WinningBids()).returns(WinningBid.class).name("Winning bids");
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
