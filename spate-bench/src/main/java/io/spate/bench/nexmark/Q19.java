package io.spate.bench.nexmark;

import io.spate.api.datastream.DataStream;
import io.spate.api.functions.Collector;
import io.spate.api.functions.KeyedProcessFunction;
import io.spate.api.functions.OpenContext;
import io.spate.api.state.ListState;
import io.spate.api.state.ListStateDescriptor;
import io.spate.connectors.nexmark.Bid;
import io.spate.connectors.nexmark.Event;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Nexmark q19, auction top-10 price: the ten best bids of every auction (price, then
 * {@link BidOrder} for ties), with their rank. A new bid that enters the top ten re-emits every
 * rank it changes, so the output is a stream of updates keyed by auction and rank; the result is
 * the last row per key.
 */
public final class Q19 implements NexmarkQuery<Q19.Row> {

  static final int TOP = 10;

  /** The bid at one rank of an auction's top ten. */
  public record Row(long auction, long rank, Bid bid) {}

  /** The key of q19's rows. */
  public record AuctionRank(long auction, long rank) {}

  @Override
  public String name() {
    return "q19";
  }

  @Override
  public DataStream<Row> build(DataStream<Event> events) {
    return EventStreams.bids(events).keyBy(Bid::auction)
        .process(new TopBids()).returns(Row.class).name("q19");
  }

  @Override
  public void baseline(Iterable<Event> events, Consumer<? super Row> out) {
    Map<Long, List<Bid>> byAuction = new HashMap<>();
    for (Event event : events) {
      if (event.bid() != null) {
        byAuction.computeIfAbsent(event.bid().auction(), a -> new ArrayList<>()).add(event.bid());
      }
    }
    byAuction.forEach((auction, bids) -> {
      bids.sort(BidOrder.BEST_FIRST);
      for (int i = 0; i < Math.min(TOP, bids.size()); i++) {
        out.accept(new Row(auction, i + 1, bids.get(i)));
      }
    });
  }

  @Override
  public ResultFold<Row> newFold(boolean keepRows) {
    return ResultFold.upsert(row -> new AuctionRank(row.auction(), row.rank()));
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
      top.get().forEach(bids::add);
      int position = Collections.binarySearch(bids, bid, BidOrder.BEST_FIRST);
      // An equal bid (the same in every field: the generator makes them) is ranked after its equals,
      // as ROW_NUMBER ranks duplicate rows one after another.
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
