package io.spate.connectors.nexmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/** The generator's laws: determinism per event number, the mix of kinds, referential integrity, event-time order. */
class NexmarkGeneratorTest {

  private static final NexmarkConfiguration SMALL = NexmarkConfiguration.builder().events(200_000).seed(7).build();

  /** Any seed: the whole long range, whose extremes and 0 QuickTheories tries first. */
  private static final Gen<Long> SEEDS = SourceDSL.longs().all();

  private static Gen<Integer> ints(int min, int max) {
    return SourceDSL.integers().between(min, max);
  }

  private static List<Event> sequence(NexmarkGenerator generator, long from, long to) {
    List<Event> events = new ArrayList<>();
    generator.iterator(from, to).forEachRemaining(events::add);
    return events;
  }

  @Test
  void theSameConfigurationGivesTheSameEvents() {
    assertThat(sequence(new NexmarkGenerator(SMALL), 0, 5_000))
        .isEqualTo(sequence(new NexmarkGenerator(SMALL.toBuilder().build()), 0, 5_000));
  }

  @Test
  void anotherSeedGivesOtherEvents() {
    List<Event> a = sequence(new NexmarkGenerator(SMALL), 0, 1_000);
    List<Event> b = sequence(new NexmarkGenerator(SMALL.toBuilder().seed(8).build()), 0, 1_000);
    long same = 0;
    for (int i = 0; i < a.size(); i++) {
      same += a.get(i).equals(b.get(i)) ? 1 : 0;
    }
    assertThat(same).isZero();
  }

  @Test
  void anyEventCanBeGeneratedAlone() {
    qt().withExamples(200).forAll(SourceDSL.longs().between(0, 199_999), SEEDS)
        .checkAssert(NexmarkGeneratorTest::anEventAloneIsTheEventInSequence);
  }

  private static void anEventAloneIsTheEventInSequence(long n, long seed) {
    NexmarkConfiguration config = SMALL.toBuilder().seed(seed).build();
    NexmarkGenerator sequential = new NexmarkGenerator(config);
    Event inSequence = null;
    for (Iterator<Event> it = sequential.iterator(Math.max(0, n - 3), n + 1); it.hasNext(); ) {
      inSequence = it.next();
    }
    assertThat(new NexmarkGenerator(config).eventAt(n)).isEqualTo(inSequence);
  }

  @Test
  void fiftyThousandEventsAreExactlyOneToThreeToFortySix() {
    NexmarkGenerator generator = new NexmarkGenerator(SMALL);
    Map<Event.Type, Long> counts = new EnumMap<>(Event.Type.class);
    for (long n = 0; n < 50_000; n++) {
      Event event = generator.eventAt(n);
      assertThat(generator.typeAt(n)).isEqualTo(event.type());
      counts.merge(event.type(), 1L, Long::sum);
    }
    assertThat(counts).containsExactlyInAnyOrderEntriesOf(
        Map.of(Event.Type.PERSON, 1_000L, Event.Type.AUCTION, 3_000L, Event.Type.BID, 46_000L));
  }

  @Test
  void everyEpochHoldsTheConfiguredProportions() {
    qt().withExamples(50).forAll(ints(1, 9), ints(1, 9), ints(1, 60), ints(1, 20))
        .checkAssert(NexmarkGeneratorTest::everyEpochHoldsTheProportions);
  }

  private static void everyEpochHoldsTheProportions(int person, int auction, int bid, int epochs) {
    NexmarkGenerator generator = new NexmarkGenerator(
        SMALL.toBuilder().proportions(person, auction, bid).build());
    long total = (long) (person + auction + bid) * epochs;
    Map<Event.Type, Long> counts = new EnumMap<>(Event.Type.class);
    for (long n = 0; n < total; n++) {
      counts.merge(generator.eventAt(n).type(), 1L, Long::sum);
    }
    assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of(
        Event.Type.PERSON, (long) person * epochs, Event.Type.AUCTION, (long) auction * epochs,
        Event.Type.BID, (long) bid * epochs));
  }

  /**
   * The rule: people and auctions get consecutive ids in the order they are created. A bid's auction,
   * and a bid's bidder or an auction's seller, is either hot (the newest id rounded down to a multiple
   * of {@link NexmarkGenerator#HOT_BLOCK}, so it exists) or random among the in-flight auctions
   * (active people) and the next {@link NexmarkGenerator#AUCTION_ID_LEAD}
   * ({@link NexmarkGenerator#PERSON_ID_LEAD}) ids still to be created. So every reference lies between
   * the newest id minus max(in-flight, HOT_BLOCK - 1) and the newest id plus the lead.
   */
  @Test
  void everyReferenceIsToAnExistingOrInFlightEntity() {
    qt().withExamples(12).withShrinkCycles(100).forAll(SEEDS, ints(1, 3000), ints(1, 300), ints(1, 6))
        .checkAssert(NexmarkGeneratorTest::everyReferenceExistsOrIsInFlight);
  }

  private static void everyReferenceExistsOrIsInFlight(long seed, int activePeople, int inFlight, int hotRatio) {
    NexmarkGenerator generator = new NexmarkGenerator(SMALL.toBuilder().seed(seed).numActivePeople(activePeople)
        .numInFlightAuctions(inFlight).hotAuctionRatio(hotRatio).hotBidderRatio(hotRatio).hotSellerRatio(hotRatio)
        .build());
    long newestPerson = NexmarkGenerator.FIRST_PERSON_ID - 1;
    long newestAuction = NexmarkGenerator.FIRST_AUCTION_ID - 1;
    long personWindow = Math.max(activePeople - 1, NexmarkGenerator.HOT_BLOCK - 1);
    long auctionWindow = Math.max(inFlight, NexmarkGenerator.HOT_BLOCK - 1);
    for (long n = 0; n < 60_000; n++) {
      Event event = generator.eventAt(n);
      switch (event.type()) {
        case PERSON -> {
          assertThat(event.person().id()).as("person id of event %d", n).isEqualTo(newestPerson + 1);
          newestPerson++;
        }
        case AUCTION -> {
          Auction auction = event.auction();
          assertThat(auction.id()).as("auction id of event %d", n).isEqualTo(newestAuction + 1);
          newestAuction++;
          assertThat(auction.seller()).as("seller of event %d", n)
              .isBetween(Math.max(NexmarkGenerator.FIRST_PERSON_ID, newestPerson - personWindow),
                  newestPerson + NexmarkGenerator.PERSON_ID_LEAD);
          assertThat(auction.category()).isBetween(NexmarkGenerator.FIRST_CATEGORY_ID,
              NexmarkGenerator.FIRST_CATEGORY_ID + NexmarkGenerator.NUM_CATEGORIES - 1);
          assertThat(auction.expires()).isGreaterThan(auction.dateTime());
          assertThat(auction.reserve()).isGreaterThan(auction.initialBid());
        }
        case BID -> {
          Bid bid = event.bid();
          assertThat(bid.auction()).as("auction of bid %d", n)
              .isBetween(Math.max(NexmarkGenerator.FIRST_AUCTION_ID, newestAuction - auctionWindow),
                  newestAuction + NexmarkGenerator.AUCTION_ID_LEAD);
          assertThat(bid.bidder()).as("bidder of bid %d", n)
              .isBetween(Math.max(NexmarkGenerator.FIRST_PERSON_ID, newestPerson - personWindow),
                  newestPerson + NexmarkGenerator.PERSON_ID_LEAD);
          assertThat(bid.price()).isBetween(100L, 100_000_000L);
        }
      }
    }
  }

  @Test
  void withTheDefaultHotRatiosHalfTheBidsGoToHotAuctions() {
    NexmarkGenerator generator = new NexmarkGenerator(SMALL);
    long bids = 0;
    long hot = 0;
    for (long n = 0; n < 100_000; n++) {
      Event event = generator.eventAt(n);
      if (event.type() == Event.Type.BID) {
        bids++;
        long auctionIndex = event.bid().auction() - NexmarkGenerator.FIRST_AUCTION_ID;
        hot += auctionIndex == (generator.lastAuctionIndex(n) / NexmarkGenerator.HOT_BLOCK) * NexmarkGenerator.HOT_BLOCK
            ? 1 : 0;
      }
    }
    // Half are hot by choice; a few random picks hit the hot auction too.
    assertThat((double) hot / bids).isBetween(0.49, 0.53);
  }

  /**
   * Event times are the first event time plus n inter-event delays, minus a disorder of at most the
   * bound; so no event is more than the bound older than any event before it.
   */
  @Test
  void eventTimesGoBackwardsByAtMostTheOutOfOrderness() {
    qt().withExamples(40).forAll(ints(1, 5_000_000), ints(0, 500), SEEDS, SourceDSL.longs().between(0, 1_000_000_000L))
        .checkAssert(NexmarkGeneratorTest::eventTimesGoBackAtMostTheOutOfOrderness);
  }

  private static void eventTimesGoBackAtMostTheOutOfOrderness(
      int eventsPerSecond, int outOfOrdernessMillis, long seed, long start) {
    NexmarkConfiguration config = SMALL.toBuilder().unbounded().seed(seed).eventsPerSecond(eventsPerSecond)
        .outOfOrderness(Duration.ofMillis(outOfOrdernessMillis)).build();
    NexmarkGenerator generator = new NexmarkGenerator(config);
    long maxSoFar = Long.MIN_VALUE / 2;
    for (long n = start; n < start + 5_000; n++) {
      long time = generator.eventAt(n).dateTime();
      // The generator's definition: n times the delay in milliseconds, in double arithmetic, rounded down.
      long undisordered = config.firstEventTime() + (long) (n * (1000.0 / eventsPerSecond));
      assertThat(generator.scheduledTime(n)).isEqualTo(undisordered);
      assertThat(time).isBetween(undisordered - outOfOrdernessMillis, undisordered);
      assertThat(time).as("time of event %d", n).isGreaterThanOrEqualTo(maxSoFar - outOfOrdernessMillis);
      maxSoFar = Math.max(maxSoFar, time);
    }
  }

  /**
   * A paced source emits an event when its scheduled millisecond comes: never after the even
   * schedule of n / rate seconds, at most a millisecond before it, and never before an earlier event.
   */
  @Test
  void eventsFallDueWhenTheirScheduledMillisecondComes() {
    qt().withExamples(40).forAll(ints(1, 5_000_000), SourceDSL.longs().between(0, 1_000_000_000L))
        .checkAssert(NexmarkGeneratorTest::eventsFallDueInTheirMillisecond);
  }

  private static void eventsFallDueInTheirMillisecond(int eventsPerSecond, long start) {
    NexmarkConfiguration config = SMALL.toBuilder().unbounded().eventsPerSecond(eventsPerSecond).build();
    NexmarkGenerator generator = new NexmarkGenerator(config);
    long previous = start == 0 ? 0 : generator.dueNanosAfterOrigin(start - 1);
    for (long n = start; n < start + 5_000; n++) {
      long due = generator.dueNanosAfterOrigin(n);
      double even = n * 1e9 / eventsPerSecond;
      assertThat(due).as("due time of event %d", n)
          .isEqualTo((generator.scheduledTime(n) - config.firstEventTime()) * 1_000_000L)
          .isGreaterThanOrEqualTo(previous);
      assertThat((double) due).isLessThanOrEqualTo(even + 1).isGreaterThan(even - 1_000_001);
      previous = due;
    }
  }

  @Test
  void timesAdvanceByTheInterEventDelayRegardlessOfTheWallClock() {
    NexmarkConfiguration config = SMALL.toBuilder().eventsPerSecond(1000).firstEventTime(5_000).build();
    NexmarkGenerator generator = new NexmarkGenerator(config);
    assertThat(config.interEventDelay()).isEqualTo(Duration.ofMillis(1));
    for (long n = 0; n < 1000; n++) {
      assertThat(generator.eventAt(n).dateTime()).isEqualTo(5_000 + n);
    }
  }

  /** The splits of a stream, each generated by a generator of its own, concatenate to the stream. */
  @Test
  void rangesAtAnyBoundariesTogetherAreTheWholeStream() {
    qt().withExamples(60).forAll(SourceDSL.lists().of(ints(0, 3_000)).ofSizeBetween(0, 8), SEEDS)
        .checkAssert(NexmarkGeneratorTest::rangesTogetherAreTheStream);
  }

  private static void rangesTogetherAreTheStream(List<Integer> boundaries, long seed) {
    NexmarkConfiguration config = SMALL.toBuilder().events(3_000).seed(seed).build();
    List<Long> cuts = new ArrayList<>();
    cuts.add(0L);
    boundaries.stream().sorted().forEach(b -> cuts.add((long) b));
    cuts.add(3_000L);
    List<Event> joined = new ArrayList<>();
    for (int i = 0; i + 1 < cuts.size(); i++) {
      joined.addAll(sequence(new NexmarkGenerator(config), cuts.get(i), cuts.get(i + 1)));
    }
    assertThat(joined).isEqualTo(sequence(new NexmarkGenerator(config), 0, 3_000));
  }

  /** The strided splits of a source, merged back by event number, are the whole stream. */
  @Test
  void stridedSplitsTogetherAreTheWholeStream() {
    qt().withExamples(40).forAll(ints(0, 2_000), ints(1, 7))
        .checkAssert(NexmarkGeneratorTest::stridedSplitsTogetherAreTheStream);
  }

  private static void stridedSplitsTogetherAreTheStream(int events, int readers) {
    NexmarkConfiguration config = SMALL.toBuilder().events(events).build();
    NexmarkGenerator generator = new NexmarkGenerator(config);
    Event[] merged = new Event[events];
    for (NexmarkSplit split : NexmarkSplit.cut(events, readers)) {
      NexmarkGenerator own = new NexmarkGenerator(config);
      long read = 0;
      for (long n = split.next(); n < split.end(); n += split.stride()) {
        assertThat(merged[(int) n]).isNull();
        merged[(int) n] = own.eventAt(n);
        read++;
      }
      assertThat(read).isEqualTo(split.remaining());
    }
    assertThat(merged).containsExactlyElementsOf(sequence(generator, 0, events));
  }

  /** Padding brings events to their average size where the other fields leave room for it (not for 100-byte bids). */
  @Test
  void eventsHaveTheirConfiguredAverageSizes() {
    NexmarkGenerator generator = new NexmarkGenerator(SMALL.toBuilder().averageSizes(200, 500, 300).build());
    double[] sums = new double[3];
    long[] counts = new long[3];
    for (long n = 0; n < 100_000; n++) {
      Event event = generator.eventAt(n);
      int kind = event.type().ordinal();
      sums[kind] += size(event);
      counts[kind]++;
    }
    assertThat(sums[0] / counts[0]).isCloseTo(200, org.assertj.core.data.Percentage.withPercentage(5));
    assertThat(sums[1] / counts[1]).isCloseTo(500, org.assertj.core.data.Percentage.withPercentage(5));
    assertThat(sums[2] / counts[2]).isCloseTo(300, org.assertj.core.data.Percentage.withPercentage(5));
  }

  /** Bytes of the event: 8 per number, 1 per (Latin-1) character. */
  private static long size(Event event) {
    return switch (event.type()) {
      case PERSON -> {
        Person p = event.person();
        yield 16 + p.name().length() + p.emailAddress().length() + p.creditCard().length() + p.city().length()
            + p.state().length() + p.extra().length();
      }
      case AUCTION -> {
        Auction a = event.auction();
        yield 56 + a.itemName().length() + a.description().length() + a.extra().length();
      }
      case BID -> {
        Bid b = event.bid();
        yield 32 + b.channel().length() + b.url().length() + b.extra().length();
      }
    };
  }

  @Test
  void eventsOutsideTheStreamAreRejected() {
    NexmarkGenerator generator = new NexmarkGenerator(SMALL);
    assertThatThrownBy(() -> generator.eventAt(-1)).isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessageContaining("-1");
    assertThatThrownBy(() -> generator.eventAt(200_000)).isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessageContaining("200000");
    assertThatThrownBy(() -> generator.iterator(5, 4)).isInstanceOf(IndexOutOfBoundsException.class);
  }
}
