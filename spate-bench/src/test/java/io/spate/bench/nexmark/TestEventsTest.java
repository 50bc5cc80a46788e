package io.spate.bench.nexmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.connectors.nexmark.Event;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The test stream is out of order but never late, and has the out-of-order cases the queries must handle. */
class TestEventsTest {

  private final List<Event> events = TestEvents.all();

  @Test
  void noEventIsLateForTheWatermarkBound() {
    // a parallel source reads subsequences, whose running maxima are no higher than these
    long max = Long.MIN_VALUE + TestEvents.OUT_OF_ORDERNESS.toMillis() + 1;
    long bound = TestEvents.OUT_OF_ORDERNESS.toMillis();
    long largestLag = 0;
    for (Event e : events) {
      assertThat(e.dateTime()).as("%s", e).isGreaterThan(max - bound - 1);
      largestLag = Math.max(largestLag, max - e.dateTime());
      max = Math.max(max, e.dateTime());
    }
    assertThat(largestLag).as("the stream is out of order").isPositive();
  }

  @Test
  void someBidsComeBeforeTheirAuctionAndSomeAuctionsBeforeTheirSeller() {
    Set<Long> auctions = new HashSet<>();
    Set<Long> persons = new HashSet<>();
    int earlyBids = 0;
    int earlyAuctions = 0;
    for (Event e : events) {
      if (e.person() != null) {
        persons.add(e.person().id());
      } else if (e.auction() != null) {
        auctions.add(e.auction().id());
        earlyAuctions += persons.contains(e.auction().seller()) ? 0 : 1;
      } else {
        earlyBids += auctions.contains(e.bid().auction()) ? 0 : 1;
      }
    }
    assertThat(earlyBids).isPositive();
    assertThat(earlyAuctions).isPositive();
  }
}
