package io.spate.bench.nexmark;

import io.spate.api.datastream.DataStream;
import io.spate.connectors.nexmark.Bid;
import io.spate.connectors.nexmark.Event;
import java.util.function.Consumer;

/** Nexmark q2, selection: the auction and price of bids on auctions whose id is a multiple of 123. */
public final class Q2 implements NexmarkQuery<Q2.Row> {

  static final long MODULUS = 123;

  /** An auction and a bid price. */
  public record Row(long auction, long price) {}

  /** Whether q2 keeps {@code bid}. */
  public static boolean selected(Bid bid) {
    return bid.auction() % MODULUS == 0;
  }

  @Override
  public String name() {
    return "q2";
  }

  @Override
  public DataStream<Row> build(DataStream<Event> events) {
    return EventStreams.bids(events).filter(Q2::selected).name("q2 filter")
        .map(bid -> new Row(bid.auction(), bid.price())).returns(Row.class).name("q2");
  }

  @Override
  public void baseline(Iterable<Event> events, Consumer<? super Row> out) {
    for (Event event : events) {
      Bid bid = event.bid();
      if (bid != null && selected(bid)) {
        out.accept(new Row(bid.auction(), bid.price()));
      }
    }
  }
}
