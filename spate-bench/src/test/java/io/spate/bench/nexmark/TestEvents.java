package io.spate.bench.nexmark;

import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.connectors.nexmark.Auction;
import io.spate.connectors.nexmark.Bid;
import io.spate.connectors.nexmark.Event;
import io.spate.connectors.nexmark.Person;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A small, plausible Nexmark stream for tests until the real generator lands: event {@code i} is a
 * pure function of {@code i}, in blocks of 50 (one person, three auctions, 46 bids), 20 ms apart,
 * each up to 80 ms earlier than its slot. Events are delivered out of order, in groups of eight
 * ({@link #delivered}), so that bids come before their auction and auctions before their seller,
 * yet within the 300 ms watermark bound, so that none is late. The stream starts just before a UTC
 * midnight so that day-based queries see two days.
 */
final class TestEvents {

  static final int COUNT = 6_000; // a multiple of 8, so that delivery swaps stay inside it
  static final Duration OUT_OF_ORDERNESS = Duration.ofMillis(300);
  static final long START = Instant.parse("2026-03-01T23:59:20Z").toEpochMilli();
  private static final long DELAY = 20;
  private static final long MAX_SHIFT = 80;
  private static final String[] STATES = {"AZ", "CA", "ID", "OR", "WA", "WY"};
  private static final String[] CHANNELS = {"Google", "Facebook", "Baidu", "Apple"};

  private TestEvents() {}

  /** All events, in the order they are delivered. */
  static List<Event> all() {
    List<Event> events = new ArrayList<>(COUNT);
    for (long position = 0; position < COUNT; position++) {
      events.add(delivered(position));
    }
    return events;
  }

  /** The event delivered at {@code position}: 0 and 5, 1 and 4, 2 and 7, 3 and 6 trade places. */
  static Event delivered(long position) {
    return event(position ^ 5);
  }

  /** The events from a parallel source, with Nexmark's watermarks. */
  static DataStream<Event> stream(StreamExecutionEnvironment env) {
    return env.fromSequence(0, COUNT - 1).map(TestEvents::delivered).returns(Event.class)
        .assignTimestampsAndWatermarks(NexmarkWatermarks.boundedOutOfOrderness(OUT_OF_ORDERNESS));
  }

  static Event event(long i) {
    SplittableRandom random = new SplittableRandom(0x5EED_0000L + i * 7919);
    long block = i / 50;
    int offset = (int) (i % 50);
    long time = START + i * DELAY - random.nextLong(MAX_SHIFT + 1);
    if (offset == 0) {
      long id = 1000 + block;
      return Event.of(new Person(id, "person " + id, "p" + id + "@example.com", "1111 2222 3333 " + (1000 + id % 9000),
          "city" + random.nextInt(5), STATES[random.nextInt(STATES.length)], time, extra(random)));
    }
    if (offset <= 3) {
      long id = 1000 + block * 3 + offset - 1;
      // mostly a person who joined lately, so that q8 finds some in the same window
      long seller = 1000 + Math.max(0, block - random.nextInt(random.nextInt(10) < 7 ? 12 : (int) block + 1));
      long initial = price(random);
      return Event.of(new Auction(id, "item" + id, "description " + id, initial, initial * 2, time,
          time + 2_000 + random.nextLong(20_000), seller, 10 + random.nextInt(5), extra(random)));
    }
    long newestAuction = 1000 + block * 3 + 2;
    long auction = random.nextInt(10) < 3
        ? newestAuction - random.nextInt(3)
        : Math.max(1000, newestAuction - random.nextInt(60));
    long newestPerson = 1000 + block;
    long bidder = random.nextBoolean()
        ? Math.max(1000, newestPerson - random.nextInt(5))
        : 1000 + random.nextLong(block + 1);
    int channelIndex = random.nextInt(10);
    String channel = channelIndex < CHANNELS.length ? CHANNELS[channelIndex] : "channel-" + random.nextInt(20);
    String url = random.nextInt(20) == 0
        ? "https://www.nexmark.com/item.htm"
        : "https://www.nexmark.com/" + word(random) + "/" + word(random) + "/" + word(random) + "/item.htm?query=1"
            + (channelIndex >= CHANNELS.length && random.nextBoolean() ? "&channel_id=" + random.nextInt(50) : "");
    return Event.of(new Bid(auction, bidder, price(random), channel, url, time, extra(random)));
  }

  /** Prices from 1 dollar to a million, with two significant digits so that equal prices happen. */
  private static long price(SplittableRandom random) {
    long scale = (long) Math.pow(10, random.nextInt(7));
    return (10 + random.nextInt(90)) * scale;
  }

  private static String word(SplittableRandom random) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      s.append((char) ('a' + random.nextInt(26)));
    }
    return s.toString();
  }

  private static String extra(SplittableRandom random) {
    StringBuilder s = new StringBuilder();
    int length = random.nextInt(12);
    for (int i = 0; i < length; i++) {
      s.append((char) ('a' + random.nextInt(5)));
    }
    return s.toString();
  }
}
