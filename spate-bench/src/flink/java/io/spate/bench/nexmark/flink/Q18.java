package io.spate.bench.nexmark.flink;

import io.spate.bench.nexmark.BidOrder;
import io.spate.bench.nexmark.Q18.BidderAuction;
import io.spate.connectors.nexmark.Bid;
import io.spate.connectors.nexmark.Event;
import java.util.Comparator;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/** Nexmark q18 on Flink: the latest bid of every bidder on every auction, as a stream of updates. */
final class Q18 implements FlinkNexmarkQuery {

  /** Earlier bids first; bids of the same time by the reverse of the winning order. */
  static final Comparator<Bid> RECENCY = Comparator.comparingLong(Bid::dateTime)
      .thenComparing(BidOrder.BEST_FIRST.reversed());

  @Override
  public String name() {
    return "q18";
  }

  @Override
  public DataStream<?> build(DataStream<Event> events) {
    return FlinkEvents.bids(events).keyBy(b -> new BidderAuction(b.bidder(), b.auction()))
        .process(new LastBid()).returns(Bid.class).name("q18");
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
      Bid current = last.value();
      if (current == null || RECENCY.compare(bid, current) > 0) {
        last.update(bid);
        out.collect(bid);
      }
    }
  }
}
