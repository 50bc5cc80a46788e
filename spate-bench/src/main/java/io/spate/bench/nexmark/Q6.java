package io.spate.bench.nexmark;

import io.spate.api.datastream.DataStream;
import io.spate.api.functions.Collector;
import io.spate.api.functions.KeyedProcessFunction;
import io.spate.api.functions.OpenContext;
import io.spate.api.state.ListState;
import io.spate.api.state.ListStateDescriptor;
import io.spate.connectors.nexmark.Event;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Nexmark q6, average selling price by seller: for every closed auction, the average winning price
 * of its seller's last 10 closed auctions, this one included (integer quotient).
 *
 * <p>Closed auctions are taken in event-time order (expiry, then auction id for ties): each one
 * waits in state until the watermark passes its expiry, so the output does not depend on the order
 * in which auctions of different upstream subtasks arrive, and no row is ever retracted.
 */
public final class Q6 implements NexmarkQuery<Q6.Row> {

  static final int LAST = 10;
  static final Comparator<WinningBid> CLOSING_ORDER =
      Comparator.<WinningBid>comparingLong(w -> w.auction().expires()).thenComparingLong(w -> w.auction().id());

  /** A seller's average over its last closed auctions, as of the auction that closed at {@code closedAt}. */
  public record Row(long seller, long auction, long closedAt, long averagePrice) {}

  @Override
  public String name() {
    return "q6";
  }

  @Override
  public DataStream<Row> build(DataStream<Event> events) {
    return WinningBids.of(events).keyBy(w -> w.auction().seller())
        .process(new LastAverages()).returns(Row.class).name("q6");
  }

  @Override
  public void baseline(Iterable<Event> events, Consumer<? super Row> out) {
    Map<Long, List<WinningBid>> bySeller = new HashMap<>();
    WinningBids.baseline(events, w -> bySeller.computeIfAbsent(w.auction().seller(), s -> new ArrayList<>()).add(w));
    for (List<WinningBid> closed : bySeller.values()) {
      closed.sort(CLOSING_ORDER);
      Deque<Long> last = new ArrayDeque<>();
      for (WinningBid w : closed) {
        out.accept(next(w, last));
      }
    }
  }

  /** Adds {@code w} to the last prices and makes its row. */
  static Row next(WinningBid w, Deque<Long> last) {
    last.addLast(w.bid().price());
    if (last.size() > LAST) {
      last.removeFirst();
    }
    long sum = 0;
    for (long price : last) {
      sum += price;
    }
    return new Row(w.auction().seller(), w.auction().id(), w.auction().expires(), sum / last.size());
  }

  /** Orders a seller's closed auctions by event time and averages the last ten. */
  static final class LastAverages extends KeyedProcessFunction<Long, WinningBid, Row> {
    private transient ListState<WinningBid> pending;
    private transient ListState<Long> lastPrices;

    @Override
    public void open(OpenContext openContext) {
      pending = getRuntimeContext().getListState(new ListStateDescriptor<>("pending", WinningBid.class));
      lastPrices = getRuntimeContext().getListState(new ListStateDescriptor<>("last-prices", Long.class));
    }

    @Override
    public void processElement(WinningBid w, Context ctx, Collector<Row> out) throws Exception {
      pending.add(w);
      ctx.timerService().registerEventTimeTimer(w.auction().expires());
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Row> out) throws Exception {
      List<WinningBid> due = new ArrayList<>();
      List<WinningBid> later = new ArrayList<>();
      for (WinningBid w : pending.get()) {
        (w.auction().expires() <= timestamp ? due : later).add(w);
      }
      pending.update(later);
      due.sort(CLOSING_ORDER);
      Deque<Long> last = new ArrayDeque<>();
      lastPrices.get().forEach(last::addLast);
      for (WinningBid w : due) {
        out.collect(next(w, last));
      }
      lastPrices.update(new ArrayList<>(last));
    }
  }
}
