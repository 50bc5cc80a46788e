package io.spate.bench.nexmark;

import io.spate.api.datastream.DataStream;
import io.spate.api.functions.CoGroupFunction;
import io.spate.api.functions.Collector;
import io.spate.api.windowing.assigners.TumblingEventTimeWindows;
import io.spate.connectors.nexmark.Auction;
import io.spate.connectors.nexmark.Event;
import io.spate.connectors.nexmark.Person;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Nexmark q8, monitor new users: the people who put up an auction in the same tumbling 10-second
 * window in which they registered, once per person.
 */
public final class Q8 implements NexmarkQuery<Q8.Row> {

  static final long SIZE = 10_000;

  /** A new person who sold in their first window. */
  public record Row(long id, String name, long windowStart) {}

  static long windowStart(long time) {
    return windowStart(time, SIZE);
  }

  /** The start of the tumbling window of {@code size} milliseconds that {@code time} falls in. */
  public static long windowStart(long time, long size) {
    return time - Math.floorMod(time, size);
  }

  @Override
  public String name() {
    return "q8";
  }

  @Override
  public DataStream<Row> build(DataStream<Event> events) {
    return EventStreams.persons(events).coGroup(EventStreams.auctions(events))
        .where(Person::id).equalTo(Auction::seller)
        .window(TumblingEventTimeWindows.of(Duration.ofMillis(SIZE)))
        .apply(new NewSellers()).returns(Row.class).name("q8");
  }

  @Override
  public void baseline(Iterable<Event> events, Consumer<? super Row> out) {
    record SellerWindow(long seller, long windowStart) {}
    Map<SellerWindow, Person> persons = new HashMap<>();
    Set<SellerWindow> sold = new HashSet<>();
    for (Event event : events) {
      if (event.person() != null) {
        persons.put(new SellerWindow(event.person().id(), windowStart(event.person().dateTime())), event.person());
      } else if (event.auction() != null) {
        sold.add(new SellerWindow(event.auction().seller(), windowStart(event.auction().dateTime())));
      }
    }
    persons.forEach((key, p) -> {
      if (sold.contains(key)) {
        out.accept(new Row(p.id(), p.name(), key.windowStart()));
      }
    });
  }

  /** Emits the people of a window who also sold in it. */
  static final class NewSellers implements CoGroupFunction<Person, Auction, Row> {
    @Override
    public void coGroup(Iterable<Person> persons, Iterable<Auction> auctions, Collector<Row> out) {
      if (!auctions.iterator().hasNext()) {
        return;
      }
      for (Person p : persons) {
        out.collect(new Row(p.id(), p.name(), windowStart(p.dateTime())));
      }
    }
  }
}
