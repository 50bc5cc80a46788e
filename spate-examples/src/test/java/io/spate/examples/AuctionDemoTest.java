package io.spate.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.datastream.CloseableIterator;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.examples.AuctionDemo.AuctionStats;
import io.spate.examples.AuctionDemo.Bid;
import io.spate.examples.AuctionDemo.Settings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuctionDemoTest {

  @Test
  void finalStatsPerAuctionMatchTheGeneratedBids() throws Exception {
    Settings settings = new Settings(0, 20, 2, 5_000, 7);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();

    List<AuctionStats> updates = new ArrayList<>();
    try (CloseableIterator<AuctionStats> results = AuctionDemo.auctionStats(env, settings).executeAndCollect()) {
      results.forEachRemaining(updates::add);
    }

    assertThat(updates).hasSize(5_000);
    Map<Long, AuctionStats> last = new HashMap<>();
    for (AuctionStats update : updates) {
      last.merge(update.auction(), update, (a, b) -> a.bids() >= b.bids() ? a : b);
    }
    assertThat(last).isEqualTo(expectedStats(settings));
  }

  @Test
  void mainPrintsEveryUpdateOfABoundedRun() throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try (PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
      System.setOut(capture);
      AuctionDemo.run(new String[] {"--max-events", "500", "--rate", "5000", "--parallelism", "2", "--auctions", "10"});
    } finally {
      System.setOut(original);
    }
    List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSize(500);
    assertThat(lines).allMatch(
        line -> line.matches("\\d+> auction \\d+: [\\d,]+ bids?, highest \\$[\\d,]+\\.\\d\\d, average \\$[\\d,]+\\.\\d\\d"),
        "looks like '1> auction 1003: 12 bids, highest $1,234.56, average $1,100.00'");
  }

  @Test
  void bidsArePureFunctionsOfSeedAndIndex() {
    Settings settings = new Settings(2000, 100, 0, Long.MAX_VALUE, 42);
    for (long i = 0; i < 1_000; i++) {
      Bid bid = AuctionDemo.bid(settings, i);
      assertThat(AuctionDemo.bid(settings, i)).isEqualTo(bid);
      assertThat(bid.auction()).isBetween(1000L, 1099L);
      assertThat(bid.price()).isPositive();
      assertThat(bid.dateTime()).isEqualTo(AuctionDemo.START.plusNanos(i * 500_000));
    }
    Settings otherSeed = new Settings(2000, 100, 0, Long.MAX_VALUE, 43);
    assertThat(AuctionDemo.bid(otherSeed, 0)).isNotEqualTo(AuctionDemo.bid(settings, 0));
  }

  @Test
  void statsPrintInDollars() {
    assertThat(new AuctionStats(1007, 3, 123_456, 300_001))
        .hasToString("auction 1007: 3 bids, highest $1,234.56, average $1,000.00");
  }

  @Test
  void settingsHaveDefaultsAndAreValidated() throws Exception {
    assertThat(Settings.parse(new String[0])).isEqualTo(new Settings(2000, 100, 0, Long.MAX_VALUE, 42));
    assertThat(Settings.parse(new String[] {"--rate", "0", "--max-events=10"}))
        .isEqualTo(new Settings(0, 100, 0, 10, 42));
    assertThatThrownBy(() -> Settings.parse(new String[] {"--auctions", "0"}))
        .isInstanceOf(UsageException.class)
        .hasMessage("Option '--auctions' must be at least 1, but was 0.");
    assertThatThrownBy(() -> Settings.parse(new String[] {"--rate", "-5"}))
        .isInstanceOf(UsageException.class)
        .hasMessage("Option '--rate' must be at least 0, but was -5.");
    assertThatThrownBy(() -> Settings.parse(new String[] {"--speed", "5"}))
        .isInstanceOf(UsageException.class)
        .hasMessage("Unknown option '--speed'.");
  }

  @Test
  void helpIsARequestNotAnError() {
    assertThatThrownBy(() -> AuctionDemo.run(new String[] {"--rate", "5", "--help"}))
        .isInstanceOfSatisfying(UsageException.class, e -> {
          assertThat(e.isHelpRequest()).isTrue();
          assertThat(e.usage()).startsWith("Usage: demo");
        });
  }

  /** The final stats of every auction, aggregated in plain Java from the generated bids. */
  private static Map<Long, AuctionStats> expectedStats(Settings settings) {
    Map<Long, long[]> totals = new HashMap<>();
    for (long i = 0; i < settings.maxEvents(); i++) {
      Bid bid = AuctionDemo.bid(settings, i);
      long[] t = totals.computeIfAbsent(bid.auction(), a -> new long[3]);
      t[0]++;
      t[1] = Math.max(t[1], bid.price());
      t[2] += bid.price();
    }
    Map<Long, AuctionStats> stats = new HashMap<>();
    totals.forEach((auction, t) -> stats.put(auction, new AuctionStats(auction, t[0], t[1], t[2])));
    return stats;
  }
}
