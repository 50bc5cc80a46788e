package io.spate.bench.nexmark.flink;

import io.spate.connectors.nexmark.Auction;
import io.spate.connectors.nexmark.Bid;
import io.spate.connectors.nexmark.Event;
import io.spate.connectors.nexmark.Person;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;

/** The event streams of the Flink queries: watermarks and the split into persons, auctions and bids. */
final class FlinkEvents {

  private FlinkEvents() {}

  /** Event time from {@link Event#dateTime()}, watermarks trailing the largest by the generator's bound. */
  static WatermarkStrategy<Event> watermarks(Duration outOfOrderness) {
    return WatermarkStrategy.<Event>forBoundedOutOfOrderness(outOfOrderness)
        .withTimestampAssigner((event, previous) -> event.dateTime());
  }

  static DataStream<Bid> bids(DataStream<Event> events) {
    return events.filter(e -> e.bid() != null).name("Bids").map(Event::bid).returns(Bid.class).name("Bid");
  }

  static DataStream<Auction> auctions(DataStream<Event> events) {
    return events.filter(e -> e.auction() != null).name("Auctions").map(Event::auction).returns(Auction.class).name("Auction");
  }

  static DataStream<Person> persons(DataStream<Event> events) {
    return events.filter(e -> e.person() != null).name("Persons").map(Event::person).returns(Person.class).name("Person");
  }
}
