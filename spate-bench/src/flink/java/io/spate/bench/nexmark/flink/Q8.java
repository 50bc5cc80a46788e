package io.spate.bench.nexmark.flink;

import io.spate.bench.nexmark.Q8.Row;
import io.spate.connectors.nexmark.Auction;
import io.spate.connectors.nexmark.Event;
import io.spate.connectors.nexmark.Person;
import java.time.Duration;
import org.apache.flink.api.common.functions.CoGroupFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.util.Collector;

/** Nexmark q8 on Flink: people who put up an auction in the tumbling 10-second window they registered in. */
final class Q8 implements FlinkNexmarkQuery {

  static final long SIZE = 10_000;

  @Override
  public String name() {
    return "q8";
  }

  @Override
  public DataStream<?> build(DataStream<Event> events) {
    return FlinkEvents.persons(events).coGroup(FlinkEvents.auctions(events))
        .where(Person::id).equalTo(Auction::seller)
        .window(TumblingEventTimeWindows.of(Duration.ofMillis(SIZE)))
        .apply(new NewSellers(), TypeInformation.of(Row.class));
  }

  /** Emits the people of a window who also sold in it. */
  static final class NewSellers implements CoGroupFunction<Person, Auction, Row> {
    @Override
    public void coGroup(Iterable<Person> persons, Iterable<Auction> auctions, Collector<Row> out) {
      if (!auctions.iterator().hasNext()) {
        return;
      }
      for (Person p : persons) {
        out.collect(new Row(p.id(), p.name(), io.spate.bench.nexmark.Q8.windowStart(p.dateTime(), SIZE)));
      }
    }
  }
}
