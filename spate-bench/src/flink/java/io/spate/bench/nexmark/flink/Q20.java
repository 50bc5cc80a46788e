package io.spate.bench.nexmark.flink;

import io.spate.bench.nexmark.Q20.Row;
import io.spate.connectors.nexmark.Auction;
import io.spate.connectors.nexmark.Bid;
import io.spate.connectors.nexmark.Event;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/** Nexmark q20 on Flink: bids on category-10 auctions joined with their auction; an unbounded join on the id. */
final class Q20 implements FlinkNexmarkQuery {

  static final long CATEGORY = 10;

  @Override
  public String name() {
    return "q20";
  }

  @Override
  public DataStream<?> build(DataStream<Event> events) {
    return FlinkEvents.auctions(events).connect(FlinkEvents.bids(events))
        .keyBy(Auction::id, Bid::auction)
        .process(new AuctionJoin()).returns(Row.class).name("q20");
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
