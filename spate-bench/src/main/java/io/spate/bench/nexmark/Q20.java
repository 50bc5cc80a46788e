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
 * Nexmark q20, expand bid with auction: every bid on an auction of category 10, joined with the
 * auction. An unbounded inner join on the auction id; every auction is kept in state (those of
 * other categories too, so that their bids are dropped at once instead of waiting forever), and
 * bids wait only until their auction arrives.
 */
public final class Q20 implements NexmarkQuery<Q20.Row> {

  static final long CATEGORY = 10;

  /** A bid and its auction. */
  public record Row(Bid bid, Auction auction) {}

  @Override
  public String name() {
    return "q20";
  }

  @Override
  public DataStream<Row> build(DataStream<Event> events) {
    return EventStreams.auctions(events).connect(EventStreams.bids(events))
        .keyBy(Auction::id, Bid::auction)
        .process(new AuctionJoin()).returns(Row.class).name("q20");
  }

  @Override
  public void baseline(Iterable<Event> events, Consumer<? super Row> out) {
    Map<Long, Auction> auctions = new HashMap<>();
    Map<Long, List<Bid>> waiting = new HashMap<>();
    for (Event event : events) {
      if (event.auction() != null) {
        Auction a = event.auction();
        auctions.put(a.id(), a);
        List<Bid> bids = waiting.remove(a.id());
        if (bids != null && a.category() == CATEGORY) {
          bids.forEach(bid -> out.accept(new Row(bid, a)));
        }
      } else if (event.bid() != null) {
        Bid bid = event.bid();
        Auction a = auctions.get(bid.auction());
        if (a == null) {
          waiting.computeIfAbsent(bid.auction(), id -> new ArrayList<>()).add(bid);
        } else if (a.category() == CATEGORY) {
          out.accept(new Row(bid, a));
        }
      }
    }
  }

  /** Joins bids to their auction, whichever comes first. */
  static final class AuctionJoin extends KeyedCoProcessFunction<Long, Auction, Bid, Row> {
    private transient ValueState<Auction> auction;
    private transient ListState<Bid> waiting;

    @Override
    public void open(OpenContext openContext) {
      auction = getRuntimeContext().getState(new ValueStateDescriptor<>("auction", Auction.class));
      waiting = getRuntimeContext().getListState(new ListStateDescriptor<>("waiting", Bid.class));
    }

    @Override
    public void processElement1(Auction a, Context ctx, Collector<Row> out) throws Exception {
      auction.update(a);
      if (a.category() == CATEGORY) {
        for (Bid bid : waiting.get()) {
          out.collect(new Row(bid, a));
        }
      }
      waiting.clear();
    }

    @Override
    public void processElement2(Bid bid, Context ctx, Collector<Row> out) throws Exception {
      Auction a = auction.value();
      if (a == null) {
        waiting.add(bid);
      } else if (a.category() == CATEGORY) {
        out.collect(new Row(bid, a));
      }
    }
  }
}
