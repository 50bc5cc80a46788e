package io.spate.bench.nexmark.flink;

import io.spate.bench.nexmark.BidOrder;
import io.spate.bench.nexmark.Q19.Row;
import io.spate.connectors.nexmark.Bid;
import io.spate.connectors.nexmark.Event;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/** Nexmark q19 on Flink: each auction's ten best bids with their rank, re-emitting every rank a bid changes. */
final class Q19 implements FlinkNexmarkQuery {

  static final int TOP = 10;

  @Override
  public String name() {
    return "q19";
  }

  @Override
  public DataStream<?> build(DataStream<Event> events) {
    return FlinkEvents.bids(events).keyBy(Bid::auction).process(new TopBids()).returns(Row.class).name("q19");
  }

  /** Keeps an auction's ten best bids, best first. */
  static final class TopBids extends KeyedProcessFunction<Long, Bid, Row> {
    private transient ListState<Bid> top;

    @Override
    public void open(OpenContext openContext) {
      top = getRuntimeContext().getListState(new ListStateDescriptor<>("top", Bid.class));
    }

    @Override
    public void processElement(Bid bid, Context ctx, Collector<Row> out) throws Exception {
      List<Bid> bids = new ArrayList<>();
      for (Bid b : top.get()) {
        bids.add(b);
      }
      int position = Collections.binarySearch(bids, bid, BidOrder.BEST_FIRST);
      // An equal bid is ranked after its equals, as in Spate's q19 (ROW_NUMBER over duplicate rows).
      int rank = position >= 0 ? position + 1 : -position - 1;
      while (position >= 0 && rank < bids.size() && BidOrder.BEST_FIRST.compare(bids.get(rank), bid) == 0) {
        rank++;
      }
      if (rank >= TOP) {
        return;
      }
      bids.add(rank, bid);
      if (bids.size() > TOP) {
        bids.remove(TOP);
      }
      for (int i = rank; i < bids.size(); i++) {
        out.collect(new Row(bid.auction(), i + 1, bids.get(i)));
      }
      top.update(bids);
    }
  }
}
