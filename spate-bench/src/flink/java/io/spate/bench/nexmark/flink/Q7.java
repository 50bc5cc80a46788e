package io.spate.bench.nexmark.flink;

import io.spate.bench.nexmark.Q7.Row;
import io.spate.connectors.nexmark.Bid;
import io.spate.connectors.nexmark.Event;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.util.Collector;

/**
 * Nexmark q7 on Flink: per tumbling 10-second window [start, end), the bids with the highest price;
 * the maximum is taken per auction in parallel first, then over the window.
 */
final class Q7 implements FlinkNexmarkQuery {

  @Override
  public String name() {
    return "q7";
  }

  @Override
  public DataStream<?> build(DataStream<Event> events) {
    TumblingEventTimeWindows window = TumblingEventTimeWindows.of(Duration.ofSeconds(10));
    return FlinkEvents.bids(events).keyBy(Bid::auction).window(window)
        .aggregate(new Highest(), HighestBids.TYPE, HighestBids.TYPE).name("q7 per auction")
        .windowAll(window).reduce(HighestBids::merge).name("q7 per window")
        .flatMap((HighestBids highest, Collector<Row> out) -> {
          for (Bid b : highest.bids) {
            out.collect(Row.of(b));
          }
        })
        .returns(Row.class).name("q7");
  }

  /** The bids sharing the highest price of a group; a POJO for Flink's serializer. */
  public static final class HighestBids {
    /** Its type with the bids as a Flink list, so that Flink does not fall back to Kryo for them. */
    static final TypeInformation<HighestBids> TYPE = Types.POJO(HighestBids.class,
        Map.of("price", Types.LONG, "bids", Types.LIST(TypeInformation.of(Bid.class))));

    /** The highest price. */
    public long price = Long.MIN_VALUE;
    /** The bids at that price. */
    public List<Bid> bids = new ArrayList<>();

    /** An empty group. */
    public HighestBids() {}

    void add(Bid bid) {
      if (bid.price() > price) {
        price = bid.price();
        bids.clear();
        bids.add(bid);
      } else if (bid.price() == price) {
        bids.add(bid);
      }
    }

    static HighestBids merge(HighestBids a, HighestBids b) {
      HighestBids merged = new HighestBids();
      a.bids.forEach(merged::add);
      b.bids.forEach(merged::add);
      return merged;
    }
  }

  /** Keeps the bids with the highest price. */
  static final class Highest implements AggregateFunction<Bid, HighestBids, HighestBids> {
    @Override
    public HighestBids createAccumulator() {
      return new HighestBids();
    }

    @Override
    public HighestBids add(Bid bid, HighestBids acc) {
      acc.add(bid);
      return acc;
    }

    @Override
    public HighestBids getResult(HighestBids acc) {
      return acc;
    }

    @Override
    public HighestBids merge(HighestBids a, HighestBids b) {
      return HighestBids.merge(a, b);
    }
  }
}
