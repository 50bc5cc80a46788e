package io.spate.examples;

import static io.spate.examples.Hashing.mix;
import static io.spate.examples.Hashing.unit;

import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.typeinfo.Types;
import io.spate.connectors.datagen.DataGeneratorSource;
import io.spate.connectors.datagen.GeneratorFunction;
import io.spate.connectors.datagen.RateLimiterStrategy;

import java.io.Serializable;
import java.time.Instant;
import java.util.Locale;

/**
 * The demo that {@code spate demo} runs: an endless, generated stream of online-auction bids, keyed
 * by auction, with a running count, highest and total price per auction printed as it changes.
 */
public final class AuctionDemo {

  static final String USAGE = String.join(System.lineSeparator(),
      "Usage: demo [--rate <n>] [--auctions <n>] [--parallelism <n>] [--max-events <n>] [--seed <n>]",
      "Aggregates a generated stream of online-auction bids per auction and prints every update,",
      "until Ctrl-C.",
      "  --rate <n>          bids per second, 0 for as fast as possible (default: 2000)",
      "  --auctions <n>      number of auctions bid on (default: 100)",
      "  --parallelism <n>   parallelism of the job (default: the number of cores)",
      "  --max-events <n>    stop after this many bids (default: run until Ctrl-C)",
      "  --seed <n>          seed of the generated bids; the same seed gives the same bids (default: 42)");

  /** The time of the first bid, fixed so that a seed always generates the same bids. */
  static final Instant START = Instant.parse("2026-01-01T12:00:00Z");

  private AuctionDemo() {}

  /**
   * One bid on an auction.
   *
   * @param auction the auction's id
   * @param bidder the bidder's id
   * @param price the offered price in cents
   * @param dateTime when the bid was placed
   */
  public record Bid(long auction, long bidder, long price, Instant dateTime) {}

  /**
   * The running aggregate of the bids on one auction.
   *
   * @param auction the auction's id
   * @param bids the number of bids so far
   * @param highestPrice the highest price offered so far, in cents
   * @param totalPrice the sum of all prices offered, in cents
   */
  public record AuctionStats(long auction, long bids, long highestPrice, long totalPrice) {

    /** The aggregate of a single bid. */
    public static AuctionStats of(Bid bid) {
      return new AuctionStats(bid.auction(), 1, bid.price(), bid.price());
    }

    /** This aggregate combined with {@code other}, of the same auction. */
    public AuctionStats merge(AuctionStats other) {
      return new AuctionStats(auction, bids + other.bids,
          Math.max(highestPrice, other.highestPrice), totalPrice + other.totalPrice);
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "auction %d: %,d %s, highest %s, average %s",
          auction, bids, bids == 1 ? "bid" : "bids", dollars(highestPrice),
          dollars(Math.round((double) totalPrice / bids)));
    }

    private static String dollars(long cents) {
      return String.format(Locale.ROOT, "$%,d.%02d", cents / 100, cents % 100);
    }
  }

  /**
   * The demo's settings.
   *
   * @param ratePerSecond bids per second; 0 for no limit
   * @param auctions number of auctions
   * @param parallelism parallelism of the job; 0 for the environment's default
   * @param maxEvents number of bids; {@link Long#MAX_VALUE} for an endless stream
   * @param seed seed of the generated bids
   */
  public record Settings(long ratePerSecond, int auctions, int parallelism, long maxEvents, long seed)
      implements Serializable {

    /** The settings from the command line. */
    public static Settings parse(String[] args) throws UsageException {
      ExampleArgs options = ExampleArgs.parse(
          args, USAGE, "--rate", "--auctions", "--parallelism", "--max-events", "--seed");
      return new Settings(
          options.getLong("--rate", 2000, 0),
          options.getInt("--auctions", 100, 1),
          options.getInt("--parallelism", 0, 1),
          options.getLong("--max-events", Long.MAX_VALUE, 1),
          options.getLong("--seed", 42, Long.MIN_VALUE));
    }
  }

  /** Runs the demo; see {@link #USAGE}. */
  public static void main(String[] args) throws Exception {
    ExampleProgram.runAsMain(AuctionDemo::run, args);
  }

  /** Runs the demo with command-line arguments; wrong ones throw {@link UsageException}. */
  public static void run(String[] args) throws Exception {
    Settings settings = Settings.parse(args);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    if (settings.parallelism() > 0) {
      env.setParallelism(settings.parallelism());
    }
    auctionStats(env, settings).print();
    boolean endless = settings.maxEvents() == Long.MAX_VALUE;
    System.err.printf(Locale.ROOT, "Auction demo: %s at %s over %,d auctions, parallelism %d.%s%n",
        endless ? "an endless stream of bids" : String.format(Locale.ROOT, "%,d bids", settings.maxEvents()),
        settings.ratePerSecond() == 0
            ? "full speed"
            : String.format(Locale.ROOT, "%,d bids/s", settings.ratePerSecond()),
        settings.auctions(), env.getParallelism(), endless ? " Press Ctrl-C to stop." : "");
    env.execute("Auction demo");
  }

  /** The pipeline of the demo: generated bids, keyed by auction, aggregated with every bid. */
  public static DataStream<AuctionStats> auctionStats(StreamExecutionEnvironment env, Settings settings) {
    DataGeneratorSource<Bid> bids = new DataGeneratorSource<>(
        new BidGenerator(settings),
        settings.maxEvents(),
        settings.ratePerSecond() == 0
            ? RateLimiterStrategy.noOp()
            : RateLimiterStrategy.perSecond(settings.ratePerSecond()),
        TypeInformation.of(Bid.class));
    return env.fromSource(bids, WatermarkStrategy.noWatermarks(), "Bids")
        .map(AuctionStats::of, TypeInformation.of(AuctionStats.class))
        .name("To stats")
        .keyBy(AuctionStats::auction, Types.LONG)
        .reduce(AuctionStats::merge)
        .name("Running stats per auction");
  }

  /**
   * The bid with index {@code index}: a pure function of the seed and the index, so that a run is
   * repeatable whatever the parallelism.
   */
  public static Bid bid(Settings settings, long index) {
    long h1 = mix(settings.seed() ^ (index * 0x9E3779B97F4A7C15L));
    long h2 = mix(h1);
    long h3 = mix(h2);
    // Squaring a uniform number makes low auction ids hot, like popular items on a real site.
    double u = unit(h1);
    long auction = 1000 + (long) (u * u * settings.auctions());
    long bidder = 1 + Long.remainderUnsigned(h2, 10_000);
    // Each auction has its own price level; a bid lands between that level and 50% above it.
    long level = 1_000 + Long.remainderUnsigned(mix(settings.seed() + auction), 99_000);
    long price = level + (long) (unit(h3) * level / 2);
    long micros = settings.ratePerSecond() == 0 ? 1 : Math.max(1, 1_000_000 / settings.ratePerSecond());
    return new Bid(auction, bidder, price, START.plusNanos(index * micros * 1000));
  }

  /** Generates the bid of each index. */
  private static final class BidGenerator implements GeneratorFunction<Long, Bid> {
    private static final long serialVersionUID = 1L;

    private final Settings settings;

    BidGenerator(Settings settings) {
      this.settings = settings;
    }

    @Override
    public Bid map(Long index) {
      return bid(settings, index);
    }
  }
}
