package io.spate.bench.nexmark;

import io.spate.api.datastream.DataStream;
import io.spate.connectors.nexmark.Auction;
import io.spate.connectors.nexmark.Bid;
import io.spate.connectors.nexmark.Event;
import io.spate.connectors.nexmark.Person;

/** Splits the one Nexmark event stream into its persons, auctions and bids, keeping timestamps. */
final class EventStreams {

  private EventStreams() {}

  static DataStream<Bid> bids(DataStream<Event> events) {
    return events.filter(e -> e.bid() != null).name("Bids").map(Event::bid).returns(Bid.class).name("Bid");
  }

  static DataStream<Auction> auctions(DataStream<Event> events) {
    return events.filter(e -> e.auction() != null).name("Auctions").map(Event::auction).returns(Auction.class)
        .name("Auction");
  }

  static DataStream<Person> persons(DataStream<Event> events) {
    return events.filter(e -> e.person() != null).name("Persons").map(Event::person).returns(Person.class)
        .name("Person");
  }
}
