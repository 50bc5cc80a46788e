package io.spate.connectors.nexmark;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Generates the Nexmark event stream of a {@link NexmarkConfiguration}: event {@code n} is a pure
 * function of the configuration and {@code n}, so any event can be generated alone and any set of
 * event-number ranges generated in parallel gives, together, exactly the single stream.
 *
 * <p>The rules, after Nexmark's generator: the kind of event {@code n} is fixed by {@code n} modulo
 * the sum of the proportions (people first, then auctions, then bids in each epoch); person and
 * auction ids count the people and auctions created so far, from {@link #FIRST_PERSON_ID} and
 * {@link #FIRST_AUCTION_ID}. A bid goes either to a hot auction (the newest auction rounded down to a
 * multiple of {@link #HOT_BLOCK}) or to a random one of the in-flight auctions or of the next
 * {@link #AUCTION_ID_LEAD} to be created; bidders and sellers likewise come from the hot people, the
 * active people, or the next {@link #PERSON_ID_LEAD} to register. The event time of event {@code n}
 * is the first event time plus {@code n * (1000.0 / eventsPerSecond)} milliseconds (double arithmetic,
 * rounded down), minus a random disorder of at most the configured out-of-orderness.
 *
 * <p>Immutable and thread-safe; it depends on nothing of the engine, so other engines can use it.
 */
public final class NexmarkGenerator {

  /** The id of the first person. */
  public static final long FIRST_PERSON_ID = 1000;
  /** The id of the first auction. */
  public static final long FIRST_AUCTION_ID = 1000;
  /** The first auction category; there are {@link #NUM_CATEGORIES} from here on. */
  public static final long FIRST_CATEGORY_ID = 10;
  /** How many auction categories there are. */
  public static final int NUM_CATEGORIES = 5;
  /** A random bidder or seller may be one of this many people who are about to register. */
  public static final int PERSON_ID_LEAD = 10;
  /** A random bid may go to one of this many auctions that are about to be created. */
  public static final int AUCTION_ID_LEAD = 10;
  /** Hot auctions and people are the newest ones rounded down to a multiple of this. */
  public static final int HOT_BLOCK = 100;

  private static final int HOT_CHANNEL_RATIO = 2;
  private static final int PAD_LEVELS = 64;
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  private static final double LN_MAX_PRICE_FACTOR = Math.log(1e6);

  private final NexmarkConfiguration config;
  private final long numEvents;
  private final long seedBase;
  private final int personProportion;
  private final int auctionProportion;
  private final int personsAndAuctions;
  private final int epoch;
  private final long firstEventTime;
  private final double millisPerEvent;
  private final long disorderBound;
  private final long auctionLengthBound;
  private final int activePeople;
  private final int inFlightAuctions;
  private final int hotAuctionRatio;
  private final int hotSellerRatio;
  private final int hotBidderRatio;
  private final String[] personPads;
  private final String[] auctionPads;
  private final String[] bidPads;

  /** A generator of the events of {@code config}. */
  public NexmarkGenerator(NexmarkConfiguration config) {
    if (config == null) {
      throw new IllegalArgumentException("NexmarkGenerator needs a configuration, but got null");
    }
    this.config = config;
    numEvents = config.numEvents();
    seedBase = mix(config.seed() ^ 0x6A09E667F3BCC909L);
    personProportion = config.personProportion();
    auctionProportion = config.auctionProportion();
    personsAndAuctions = personProportion + auctionProportion;
    epoch = config.eventsPerEpoch();
    firstEventTime = config.firstEventTime();
    millisPerEvent = 1000.0 / config.eventsPerSecond();
    disorderBound = config.outOfOrdernessMillis() + 1;
    auctionLengthBound = Math.max(1, 2 * config.auctionDurationMillis() - 1);
    activePeople = config.numActivePeople();
    inFlightAuctions = config.numInFlightAuctions();
    hotAuctionRatio = config.hotAuctionRatio();
    hotSellerRatio = config.hotSellerRatio();
    hotBidderRatio = config.hotBidderRatio();

    double personFixed = 2 * Long.BYTES + NexmarkDictionary.meanLength(NexmarkDictionary.NAMES)
        + NexmarkDictionary.meanLength(NexmarkDictionary.EMAILS) + NexmarkDictionary.CREDIT_CARDS[0].length()
        + NexmarkDictionary.meanLength(NexmarkDictionary.US_CITIES) + 2;
    double auctionFixed = 7 * Long.BYTES + NexmarkDictionary.ITEM_NAMES[0].length()
        + NexmarkDictionary.DESCRIPTIONS[0].length();
    double hotShare = (HOT_CHANNEL_RATIO - 1.0) / HOT_CHANNEL_RATIO;
    double bidFixed = 4 * Long.BYTES
        + hotShare * (NexmarkDictionary.meanLength(NexmarkDictionary.HOT_CHANNELS)
            + NexmarkDictionary.meanLength(NexmarkDictionary.HOT_URLS))
        + (1 - hotShare) * (NexmarkDictionary.meanLength(NexmarkDictionary.CHANNEL_NAMES)
            + NexmarkDictionary.meanLength(NexmarkDictionary.CHANNEL_URLS));
    personPads = pads(config.averagePersonSize() - personFixed);
    auctionPads = pads(config.averageAuctionSize() - auctionFixed);
    bidPads = pads(config.averageBidSize() - bidFixed);
  }

  /** The configuration of this generator. */
  public NexmarkConfiguration configuration() {
    return config;
  }

  /** The event with number {@code n} (0-based, below the number of events). */
  public Event eventAt(long n) {
    if (n < 0 || n >= numEvents) {
      throw new IndexOutOfBoundsException(
          "Nexmark event number " + n + " is outside 0.." + (numEvents - 1) + " of " + config);
    }
    long stream = mix(seedBase + n * GOLDEN);
    long time = scheduledTime(n);
    if (disorderBound > 1) {
      time -= bounded(draw(stream, 0), disorderBound);
    }
    long epochs = n / epoch;
    int offset = (int) (n - epochs * epoch);
    if (offset < personProportion) {
      return Event.of(person(epochs, offset, stream, time));
    }
    if (offset < personsAndAuctions) {
      return Event.of(auction(epochs, offset, stream, time));
    }
    return Event.of(bid(epochs, offset, stream, time));
  }

  /**
   * The event time (epoch ms) at which event {@code n} is scheduled, before any disorder moves it
   * earlier; defined for any {@code n >= 0}, also past the number of events.
   */
  public long scheduledTime(long n) {
    return firstEventTime + (long) (n * millisPerEvent);
  }

  /**
   * When a rate-limited source emits event {@code n}: this many nanoseconds after its pace origin,
   * the moment the wall clock, started at {@link NexmarkConfiguration#firstEventTime()} at the
   * origin, reaches the event's scheduled time. Events that share a millisecond of event time fall
   * due together, so every event leaves the source exactly when its time comes.
   */
  public long dueNanosAfterOrigin(long n) {
    return (scheduledTime(n) - firstEventTime) * 1_000_000L;
  }

  /** The kind of event {@code n}, without generating it. */
  public Event.Type typeAt(long n) {
    long offset = n % epoch;
    return offset < personProportion ? Event.Type.PERSON
        : offset < personsAndAuctions ? Event.Type.AUCTION : Event.Type.BID;
  }

  /** The events with numbers {@code from} (inclusive) to {@code to} (exclusive), in order. */
  public Iterator<Event> iterator(long from, long to) {
    if (from < 0 || from > to || to > numEvents) {
      throw new IndexOutOfBoundsException(
          "Nexmark event range [" + from + ", " + to + ") is not within [0, " + numEvents + ")");
    }
    return new Iterator<>() {
      private long next = from;

      @Override
      public boolean hasNext() {
        return next < to;
      }

      @Override
      public Event next() {
        if (next >= to) {
          throw new NoSuchElementException("The Nexmark event range [" + from + ", " + to + ") is exhausted");
        }
        return eventAt(next++);
      }
    };
  }

  private Person person(long epochs, int offset, long stream, long time) {
    long id = FIRST_PERSON_ID + lastPersonIndex(epochs, offset);
    return new Person(
        id,
        NexmarkDictionary.NAMES[pick(draw(stream, 1), NexmarkDictionary.NAMES.length)],
        NexmarkDictionary.EMAILS[pick(draw(stream, 2), NexmarkDictionary.EMAILS.length)],
        NexmarkDictionary.CREDIT_CARDS[pick(draw(stream, 3), NexmarkDictionary.CREDIT_CARDS.length)],
        NexmarkDictionary.US_CITIES[pick(draw(stream, 4), NexmarkDictionary.US_CITIES.length)],
        NexmarkDictionary.US_STATES[pick(draw(stream, 5), NexmarkDictionary.US_STATES.length)],
        time,
        personPads[pick(draw(stream, 6), personPads.length)]);
  }

  private Auction auction(long epochs, int offset, long stream, long time) {
    long id = FIRST_AUCTION_ID + lastAuctionIndex(epochs, offset);
    long newestPerson = lastPersonIndex(epochs, offset);
    long seller = FIRST_PERSON_ID + (pick(draw(stream, 1), hotSellerRatio) > 0
        ? hot(newestPerson) : randomPersonIndex(newestPerson, draw(stream, 2)));
    long category = FIRST_CATEGORY_ID + pick(draw(stream, 3), NUM_CATEGORIES);
    long initialBid = price(draw(stream, 4));
    long reserve = initialBid + price(draw(stream, 5));
    long expires = time + 1 + bounded(draw(stream, 6), auctionLengthBound);
    return new Auction(
        id,
        NexmarkDictionary.ITEM_NAMES[pick(draw(stream, 7), NexmarkDictionary.ITEM_NAMES.length)],
        NexmarkDictionary.DESCRIPTIONS[pick(draw(stream, 8), NexmarkDictionary.DESCRIPTIONS.length)],
        initialBid, reserve, time, expires, seller, category,
        auctionPads[pick(draw(stream, 9), auctionPads.length)]);
  }

  private Bid bid(long epochs, int offset, long stream, long time) {
    long newestAuction = lastAuctionIndex(epochs, offset);
    long newestPerson = lastPersonIndex(epochs, offset);
    long auction = FIRST_AUCTION_ID + (pick(draw(stream, 1), hotAuctionRatio) > 0
        ? hot(newestAuction) : randomAuctionIndex(newestAuction, draw(stream, 2)));
    long bidder = FIRST_PERSON_ID + (pick(draw(stream, 3), hotBidderRatio) > 0
        ? hot(newestPerson) : randomPersonIndex(newestPerson, draw(stream, 4)));
    long price = price(draw(stream, 5));
    String channel;
    String url;
    if (pick(draw(stream, 6), HOT_CHANNEL_RATIO) > 0) {
      int i = pick(draw(stream, 7), NexmarkDictionary.HOT_CHANNELS.length);
      channel = NexmarkDictionary.HOT_CHANNELS[i];
      url = NexmarkDictionary.HOT_URLS[i];
    } else {
      int i = pick(draw(stream, 7), NexmarkDictionary.CHANNELS);
      channel = NexmarkDictionary.CHANNEL_NAMES[i];
      url = NexmarkDictionary.CHANNEL_URLS[i];
    }
    return new Bid(auction, bidder, price, channel, url, time, bidPads[pick(draw(stream, 8), bidPads.length)]);
  }

  /** The 0-based index of the newest auction created at or before event {@code n}; -1 if none. */
  long lastAuctionIndex(long n) {
    return lastAuctionIndex(n / epoch, (int) (n % epoch));
  }

  private long lastPersonIndex(long epochs, int offset) {
    return epochs * personProportion + Math.min(offset, personProportion - 1);
  }

  private long lastAuctionIndex(long epochs, int offset) {
    long created = epochs * auctionProportion;
    if (offset < personProportion) {
      return created - 1;
    }
    return created + Math.min(offset - personProportion, auctionProportion - 1);
  }

  /** One of the active people or of the next {@link #PERSON_ID_LEAD} to register. */
  private long randomPersonIndex(long newest, long random) {
    long registered = newest + 1;
    long active = Math.min(registered, activePeople);
    return registered - active + bounded(random, active + PERSON_ID_LEAD);
  }

  /** One of the in-flight auctions or of the next {@link #AUCTION_ID_LEAD} to be created. */
  private long randomAuctionIndex(long last, long random) {
    long oldest = Math.max(last - inFlightAuctions, 0);
    return oldest + bounded(random, last - oldest + 1 + AUCTION_ID_LEAD);
  }

  private static long hot(long newestIndex) {
    return (newestIndex / HOT_BLOCK) * HOT_BLOCK;
  }

  /** A price in cents, log-uniform between 1 and 1,000,000 dollars. */
  private static long price(long random) {
    double unit = (random >>> 11) * 0x1.0p-53;
    return Math.round(Math.exp(unit * LN_MAX_PRICE_FACTOR) * 100.0);
  }

  /**
   * Paddings whose mean length is {@code mean}, at most {@link #PAD_LEVELS} lengths spread evenly
   * over 20 % either side; built once so that picking one allocates nothing.
   */
  private static String[] pads(double mean) {
    int base = (int) Math.max(0, Math.round(mean));
    int delta = (int) Math.round(base * 0.2);
    int levels = Math.min(PAD_LEVELS, 2 * delta + 1);
    String[] pads = new String[levels];
    for (int k = 0; k < levels; k++) {
      int length = levels == 1 ? base : base - delta + (int) ((2L * delta * k) / (levels - 1));
      int start = k % 16;
      pads[k] = NexmarkDictionary.TEXT.substring(start, start + length);
    }
    return pads;
  }

  /** The {@code k}-th random number of the event whose stream is {@code stream}. */
  private static long draw(long stream, int k) {
    return mix(stream + k * GOLDEN);
  }

  /** A random number in [0, bound) for {@code bound} up to 2^31 - 1, from the high bits of {@code random}. */
  private static int pick(long random, int bound) {
    return (int) (((random >>> 32) * bound) >>> 32);
  }

  /** A random number in [0, bound) for a positive {@code bound}: the high word of the unsigned product, no division. */
  private static long bounded(long random, long bound) {
    return Math.multiplyHigh(random, bound) + ((random >> 63) & bound);
  }

  /** A 64-bit finalizer with full avalanche (the SplitMix64 mix), so that nearby inputs give unrelated outputs. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
