package io.spate.bench.nexmark.flink;

import io.spate.bench.nexmark.Q6.Row;
import io.spate.bench.nexmark.WinningBid;
import io.spate.connectors.nexmark.Event;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Nexmark q6 on Flink: per closed auction, the average winning price of its seller's last 10 closed
 * auctions; closed auctions are taken in event-time order (expiry, then id), without retractions.
 */
final class Q6 implements FlinkNexmarkQuery {

  static final int LAST = 10;
  static final Comparator<WinningBid> CLOSING_ORDER =
      Comparator.<WinningBid>comparingLong(w -> w.auction().expires()).thenComparingLong(w -> w.auction().id());

  @Override
  public String name() {
    return "q6";
  }

  @Override
  public DataStream<?> build(DataStream<Event> events) {
    return WinningBids.of(events).keyBy(w -> w.auction().seller())
        .process(new LastAverages()).returns(Row.class).name("q6");
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
      for (Long price : lastPrices.get()) {
        last.addLast(price);
      }
      for (WinningBid w : due) {
        last.addLast(w.bid().price());
        if (last.size() > LAST) {
          last.removeFirst();
        }
        long sum = 0;
        for (long price : last) {
          sum += price;
        }
        out.collect(new Row(w.auction().seller(), w.auction().id(), w.auction().expires(), sum / last.size()));
      }
      lastPrices.update(new ArrayList<>(last));
    }
  }
}
