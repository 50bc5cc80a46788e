package io.spate.connectors.nexmark;

import java.io.Serializable;
import java.time.Duration;

/**
 * What a {@link NexmarkGenerator} generates: the seed, how many events, their event-time rate and
 * disorder, the population of people and auctions and how skewed bids are towards hot ones, the
 * mix of event kinds and their sizes. Immutable; build one with {@link #builder()}.
 */
public final class NexmarkConfiguration implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The number of events of an unbounded configuration. */
  public static final long UNBOUNDED = Long.MAX_VALUE;

  /** The largest average event size accepted, in bytes. */
  public static final int MAX_AVERAGE_SIZE = 65_536;

  private final long seed;
  private final long numEvents;
  private final double eventsPerSecond;
  private final boolean rateLimited;
  private final long firstEventTime;
  private final int numActivePeople;
  private final int numInFlightAuctions;
  private final int hotAuctionRatio;
  private final int hotSellerRatio;
  private final int hotBidderRatio;
  private final long outOfOrdernessMillis;
  private final int personProportion;
  private final int auctionProportion;
  private final int bidProportion;
  private final int averagePersonSize;
  private final int averageAuctionSize;
  private final int averageBidSize;
  private final long auctionDurationMillis;
  private final boolean auctionDurationDerived;

  private NexmarkConfiguration(AbstractBuilder<?> b) {
    seed = b.seed;
    numEvents = b.numEvents;
    eventsPerSecond = b.eventsPerSecond;
    rateLimited = b.rateLimited;
    firstEventTime = b.firstEventTime;
    numActivePeople = b.numActivePeople;
    numInFlightAuctions = b.numInFlightAuctions;
    hotAuctionRatio = b.hotAuctionRatio;
    hotSellerRatio = b.hotSellerRatio;
    hotBidderRatio = b.hotBidderRatio;
    outOfOrdernessMillis = b.outOfOrdernessMillis;
    personProportion = b.personProportion;
    auctionProportion = b.auctionProportion;
    bidProportion = b.bidProportion;
    averagePersonSize = b.averagePersonSize;
    averageAuctionSize = b.averageAuctionSize;
    averageBidSize = b.averageBidSize;
    auctionDurationDerived = b.auctionDurationMillis == 0;
    auctionDurationMillis = auctionDurationDerived ? derivedAuctionDurationMillis() : b.auctionDurationMillis;
  }

  /** A builder with Nexmark's defaults: 1:3:46, 1000 active people, 100 in-flight auctions, 10 M events/s. */
  public static Builder builder() {
    return new Builder();
  }

  /** A configuration with all defaults. */
  public static NexmarkConfiguration defaults() {
    return builder().build();
  }

  /**
   * The mean auction length that keeps about {@link #numInFlightAuctions()} auctions open: the event
   * time it takes to create that many auctions.
   */
  private long derivedAuctionDurationMillis() {
    double eventsToCreateThem = (double) numInFlightAuctions * eventsPerEpoch() / auctionProportion;
    return Math.max(1, Math.round(eventsToCreateThem * 1000.0 / eventsPerSecond));
  }

  /** The seed of all random choices. */
  public long seed() {
    return seed;
  }

  /** How many events there are; {@link #UNBOUNDED} for an endless stream. */
  public long numEvents() {
    return numEvents;
  }

  /** Whether the stream is endless. */
  public boolean isUnbounded() {
    return numEvents == UNBOUNDED;
  }

  /** The event-time rate: event times advance by 1/rate seconds per event. */
  public double eventsPerSecond() {
    return eventsPerSecond;
  }

  /** Whether a source paces its output to {@link #eventsPerSecond()} in wall-clock time (else as fast as it can). */
  public boolean rateLimited() {
    return rateLimited;
  }

  /** The event time of event 0 (before disorder), epoch milliseconds. */
  public long firstEventTime() {
    return firstEventTime;
  }

  /** The event-time distance between consecutive events, derived from {@link #eventsPerSecond()}. */
  public Duration interEventDelay() {
    return Duration.ofNanos(Math.round(1e9 / eventsPerSecond));
  }

  /** How many of the most recent people bid and sell (besides the hot ones). */
  public int numActivePeople() {
    return numActivePeople;
  }

  /** How many of the most recent auctions receive bids (besides the hot ones). */
  public int numInFlightAuctions() {
    return numInFlightAuctions;
  }

  /** One in this many bids goes to a random in-flight auction, the others to a hot auction. */
  public int hotAuctionRatio() {
    return hotAuctionRatio;
  }

  /** One in this many auctions has a random active seller, the others a hot seller. */
  public int hotSellerRatio() {
    return hotSellerRatio;
  }

  /** One in this many bids has a random active bidder, the others a hot bidder. */
  public int hotBidderRatio() {
    return hotBidderRatio;
  }

  /** How far, in milliseconds, an event's time may lie before the time of an earlier event. */
  public long outOfOrdernessMillis() {
    return outOfOrdernessMillis;
  }

  /** Person events per epoch of {@link #eventsPerEpoch()} events. */
  public int personProportion() {
    return personProportion;
  }

  /** Auction events per epoch. */
  public int auctionProportion() {
    return auctionProportion;
  }

  /** Bid events per epoch. */
  public int bidProportion() {
    return bidProportion;
  }

  /** The length of the repeating pattern of event kinds: the sum of the proportions. */
  public int eventsPerEpoch() {
    return personProportion + auctionProportion + bidProportion;
  }

  /** The average size of a person event in bytes, reached by padding its {@code extra} field. */
  public int averagePersonSize() {
    return averagePersonSize;
  }

  /** The average size of an auction event in bytes. */
  public int averageAuctionSize() {
    return averageAuctionSize;
  }

  /** The average size of a bid event in bytes. */
  public int averageBidSize() {
    return averageBidSize;
  }

  /** The mean time an auction is open (expiry minus creation), milliseconds. */
  public long auctionDurationMillis() {
    return auctionDurationMillis;
  }

  /** A builder that starts from this configuration. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    AbstractBuilder<?> b = builder;
    b.seed = seed;
    b.numEvents = numEvents;
    b.eventsPerSecond = eventsPerSecond;
    b.rateLimited = rateLimited;
    b.firstEventTime = firstEventTime;
    b.numActivePeople = numActivePeople;
    b.numInFlightAuctions = numInFlightAuctions;
    b.hotAuctionRatio = hotAuctionRatio;
    b.hotSellerRatio = hotSellerRatio;
    b.hotBidderRatio = hotBidderRatio;
    b.outOfOrdernessMillis = outOfOrdernessMillis;
    b.personProportion = personProportion;
    b.auctionProportion = auctionProportion;
    b.bidProportion = bidProportion;
    b.averagePersonSize = averagePersonSize;
    b.averageAuctionSize = averageAuctionSize;
    b.averageBidSize = averageBidSize;
    b.auctionDurationMillis = auctionDurationDerived ? 0 : auctionDurationMillis;
    return builder;
  }

  @Override
  public String toString() {
    return "NexmarkConfiguration{seed=" + seed + ", events=" + (isUnbounded() ? "unbounded" : numEvents)
        + ", eventsPerSecond=" + eventsPerSecond + (rateLimited ? " (rate-limited)" : " (unlimited)")
        + ", firstEventTime=" + firstEventTime + ", activePeople=" + numActivePeople
        + ", inFlightAuctions=" + numInFlightAuctions + ", hotRatios(auction/seller/bidder)=" + hotAuctionRatio
        + "/" + hotSellerRatio + "/" + hotBidderRatio + ", outOfOrderness=" + outOfOrdernessMillis + "ms"
        + ", proportions=" + personProportion + ":" + auctionProportion + ":" + bidProportion
        + ", averageSizes(person/auction/bid)=" + averagePersonSize + "/" + averageAuctionSize + "/" + averageBidSize
        + ", auctionDuration=" + auctionDurationMillis + "ms}";
  }

  /** Builds a {@link NexmarkConfiguration}. */
  public static final class Builder extends AbstractBuilder<Builder> {
    Builder() {}

    @Override
    protected Builder self() {
      return this;
    }

    /** The configuration; fails naming the first option whose value is out of range. */
    public NexmarkConfiguration build() {
      return configuration();
    }
  }

  /**
   * The options of a configuration, shared by {@link Builder} and builders of things made from a
   * configuration (such as {@link NexmarkSource#builder()}).
   *
   * @param <B> the concrete builder
   */
  public abstract static class AbstractBuilder<B extends AbstractBuilder<B>> {
    private long seed = 0;
    private long numEvents = 100_000_000;
    private double eventsPerSecond = 10_000_000;
    private boolean rateLimited = false;
    private long firstEventTime = 1_767_225_600_000L; // 2026-01-01T00:00:00Z: fixed, never the wall clock
    private int numActivePeople = 1000;
    private int numInFlightAuctions = 100;
    private int hotAuctionRatio = 2;
    private int hotSellerRatio = 4;
    private int hotBidderRatio = 4;
    private long outOfOrdernessMillis = 0;
    private int personProportion = 1;
    private int auctionProportion = 3;
    private int bidProportion = 46;
    private int averagePersonSize = 200;
    private int averageAuctionSize = 500;
    private int averageBidSize = 100;
    private long auctionDurationMillis = 0;

    AbstractBuilder() {}

    /** This builder. */
    protected abstract B self();

    /** The seed of all random choices (default 0). */
    public B seed(long seed) {
      this.seed = seed;
      return self();
    }

    /** A bounded stream of {@code numEvents} events (default 100 million). */
    public B events(long numEvents) {
      this.numEvents = numEvents;
      return self();
    }

    /** An endless stream. */
    public B unbounded() {
      this.numEvents = UNBOUNDED;
      return self();
    }

    /** The event-time rate (default 10 million per second): event times advance by 1/rate seconds per event. */
    public B eventsPerSecond(double eventsPerSecond) {
      this.eventsPerSecond = eventsPerSecond;
      return self();
    }

    /** Whether a source paces its output to the event-time rate in wall-clock time (default false: unlimited). */
    public B rateLimited(boolean rateLimited) {
      this.rateLimited = rateLimited;
      return self();
    }

    /** The event time of the first event, epoch milliseconds (default 2026-01-01T00:00:00Z). */
    public B firstEventTime(long epochMillis) {
      this.firstEventTime = epochMillis;
      return self();
    }

    /** How many of the most recent people bid and sell (default 1000). */
    public B numActivePeople(int numActivePeople) {
      this.numActivePeople = numActivePeople;
      return self();
    }

    /** How many of the most recent auctions receive bids (default 100). */
    public B numInFlightAuctions(int numInFlightAuctions) {
      this.numInFlightAuctions = numInFlightAuctions;
      return self();
    }

    /** One in this many bids goes to a random in-flight auction, the others to a hot one (default 2). */
    public B hotAuctionRatio(int ratio) {
      this.hotAuctionRatio = ratio;
      return self();
    }

    /** One in this many auctions has a random active seller, the others a hot one (default 4). */
    public B hotSellerRatio(int ratio) {
      this.hotSellerRatio = ratio;
      return self();
    }

    /** One in this many bids has a random active bidder, the others a hot one (default 4). */
    public B hotBidderRatio(int ratio) {
      this.hotBidderRatio = ratio;
      return self();
    }

    /** How far an event's time may lie before an earlier event's time (default 0: in order). */
    public B outOfOrderness(Duration bound) {
      if (bound == null) {
        throw new IllegalArgumentException("Nexmark option 'outOfOrderness' must not be null");
      }
      this.outOfOrdernessMillis = bound.toMillis();
      return self();
    }

    /** The mix of event kinds: per {@code person + auction + bid} events (default 1:3:46). */
    public B proportions(int person, int auction, int bid) {
      this.personProportion = person;
      this.auctionProportion = auction;
      this.bidProportion = bid;
      return self();
    }

    /** Average event sizes in bytes, reached by padding (default 200, 500 and 100). */
    public B averageSizes(int person, int auction, int bid) {
      this.averagePersonSize = person;
      this.averageAuctionSize = auction;
      this.averageBidSize = bid;
      return self();
    }

    /** The mean time an auction is open (default: the event time in which the in-flight auctions are created). */
    public B auctionDuration(Duration duration) {
      if (duration == null) {
        throw new IllegalArgumentException("Nexmark option 'auctionDuration' must not be null");
      }
      this.auctionDurationMillis = duration.toMillis();
      if (auctionDurationMillis <= 0) {
        throw new IllegalArgumentException(
            "Nexmark option 'auctionDuration' must be at least 1 ms, but is " + duration);
      }
      return self();
    }

    /** Validates the options and builds the configuration. */
    protected final NexmarkConfiguration configuration() {
      requireAtLeast("events", numEvents, 0);
      if (!(eventsPerSecond > 0) || Double.isInfinite(eventsPerSecond)) {
        throw new IllegalArgumentException(
            "Nexmark option 'eventsPerSecond' must be positive and finite, but is " + eventsPerSecond);
      }
      requireAtLeast("firstEventTime", firstEventTime, 0);
      requireAtLeast("numActivePeople", numActivePeople, 1);
      requireAtLeast("numInFlightAuctions", numInFlightAuctions, 1);
      requireAtLeast("hotAuctionRatio", hotAuctionRatio, 1);
      requireAtLeast("hotSellerRatio", hotSellerRatio, 1);
      requireAtLeast("hotBidderRatio", hotBidderRatio, 1);
      requireAtLeast("outOfOrderness (ms)", outOfOrdernessMillis, 0);
      requireAtLeast("personProportion", personProportion, 1);
      requireAtLeast("auctionProportion", auctionProportion, 1);
      requireAtLeast("bidProportion", bidProportion, 1);
      if ((long) personProportion + auctionProportion + bidProportion > 1_000_000) {
        throw new IllegalArgumentException("Nexmark options 'personProportion + auctionProportion + bidProportion'"
            + " must be at most 1000000, but are " + personProportion + " + " + auctionProportion + " + "
            + bidProportion);
      }
      requireSize("averagePersonSize", averagePersonSize);
      requireSize("averageAuctionSize", averageAuctionSize);
      requireSize("averageBidSize", averageBidSize);
      return new NexmarkConfiguration(this);
    }

    private static void requireAtLeast(String option, long value, long min) {
      if (value < min) {
        throw new IllegalArgumentException(
            "Nexmark option '" + option + "' must be at least " + min + ", but is " + value);
      }
    }

    private static void requireSize(String option, int value) {
      if (value < 0 || value > MAX_AVERAGE_SIZE) {
        throw new IllegalArgumentException("Nexmark option '" + option + "' must be between 0 and "
            + MAX_AVERAGE_SIZE + " bytes, but is " + value);
      }
    }
  }
}
