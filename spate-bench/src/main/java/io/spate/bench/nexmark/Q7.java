package io.spate.bench.nexmark;

import io.spate.api.datastream.DataStream;
import io.spate.api.functions.AggregateFunction;
import io.spate.api.windowing.assigners.TumblingEventTimeWindows;
import io.spate.connectors.nexmark.Bid;
import io.spate.connectors.nexmark.Event;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Nexmark q7, highest bid: in every tumbling 10-second window, the bids with the highest price (all
 * of them on a tie). The maximum is taken per auction first, in parallel, then over the window.
 */
public final class Q7 implements NexmarkQuery<Q7.Row> {

  static final long SIZE = 10_000;

  /** A bid with its window's highest price. */
  public record Row(long auction, long price, long bidder, long dateTime, String extra) {
    /** The row of {@code bid}. */
    public static Row of(Bid bid) {
      return new Row(bid.auction(), bid.price(), bid.bidder(), bid.dateTime(), bid.extra());
    }
  }

  /** The bids that share the highest price of a group of bids. */
  public record HighestBids(long price, List<Bid> bids) {
    HighestBids merge(HighestBids other) {
      if (price != other.price) {
        return price > other.price ? this : other;
      }
      List<Bid> both = new ArrayList<>(bids);
      both.addAll(other.bids);
      return new HighestBids(price, both);
    }
  }

  @Override
  public String name() {
    return "q7";
  }

  @Override
  public DataStream<Row> build(DataStream<Event> events) {
    TumblingEventTimeWindows window = TumblingEventTimeWindows.of(Duration.ofMillis(SIZE));
    return EventStreams.bids(events).keyBy(Bid::auction).window(window)
        .aggregate(new Highest()).name("q7 per auction")
        .windowAll(window).reduce(HighestBids::merge).name("q7 per window")
        .<Row>flatMap((highest, out) -> highest.bids().forEach(bid -> out.collect(Row.of(bid))))
        .returns(Row.class).name("q7");
  }

  @Override
  public void baseline(Iterable<Event> events, Consumer<? super Row> out) {
    Map<Long, List<Bid>> highestByWindow = new HashMap<>();
    for (Event event : events) {
      Bid bid = event.bid();
      if (bid == null) {
        continue;
      }
      List<Bid> highest = highestByWindow.computeIfAbsent(bid.dateTime() - Math.floorMod(bid.dateTime(), SIZE),
          w -> new ArrayList<>());
      if (highest.isEmpty() || bid.price() > highest.get(0).price()) {
        highest.clear();
        highest.add(bid);
      } else if (bid.price() == highest.get(0).price()) {
        highest.add(bid);
      }
    }
    highestByWindow.values().forEach(bids -> bids.forEach(bid -> out.accept(Row.of(bid))));
  }

  /** Keeps the bids with the highest price. */
  static final class Highest implements AggregateFunction<Bid, List<Bid>, HighestBids> {
    @Override
    public List<Bid> createAccumulator() {
      return new ArrayList<>();
    }

    @Override
    public List<Bid> add(Bid bid, List<Bid> highest) {
      if (highest.isEmpty() || bid.price() > highest.get(0).price()) {
        highest.clear();
        highest.add(bid);
      } else if (bid.price() == highest.get(0).price()) {
        highest.add(bid);
      }
      return highest;
    }

    @Override
    public HighestBids getResult(List<Bid> highest) {
      return new HighestBids(highest.get(0).price(), List.copyOf(highest));
    }

    @Override
    public List<Bid> merge(List<Bid> a, List<Bid> b) {
      for (Bid bid : b) {
        add(bid, a);
      }
      return a;
    }
  }
}
