package io.spate.bench.nexmark.flink;

import io.spate.bench.nexmark.BidStatisticsAccumulator;
import io.spate.bench.nexmark.NexmarkQueries;
import io.spate.bench.nexmark.NexmarkQuery;
import io.spate.bench.nexmark.ResultFold;
import io.spate.bench.nexmark.ResultSummary;
import io.spate.bench.nexmark.WinningBid;
import io.spate.connectors.nexmark.Auction;
import io.spate.connectors.nexmark.Bid;
import io.spate.connectors.nexmark.Event;
import io.spate.connectors.nexmark.Person;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import io.spate.connectors.nexmark.NexmarkGenerator;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs every query (or those named as arguments) on Flink at parallelism 2 over 20,000 events and
 * compares the result summary with Spate's single-threaded baseline; prints one line per query.
 * Exits 1 if any query differs. Built only with {@code -Pflink}; not part of the test suite.
 */
public final class FlinkNexmarkEqualityCheck {

  private FlinkNexmarkEqualityCheck() {}

  /** Runs the check. */
  public static void main(String[] args) throws Exception {
    long events = Long.getLong("events", 20_000);
    int parallelism = Integer.getInteger("parallelism", 2);
    String state = System.getProperty("state", "hashmap");
    long checkpointMs = Long.getLong("checkpointMs", 0);
    List<String> wanted = List.of(args);
    for (Class<?> type : List.of(Event.class, Bid.class, Auction.class, Person.class, WinningBid.class,
        BidStatisticsAccumulator.class, io.spate.bench.nexmark.Q17.Totals.class, Q7.HighestBids.class,
        io.spate.bench.nexmark.Q15.Row.class)) {
      System.out.println("Flink type of " + type.getSimpleName() + ": " + TypeInformation.of(type));
    }
    System.out.println("Flink type of q7's HighestBids as given: " + Q7.HighestBids.TYPE);
    System.out.println("Flink type of DayStatistics as given: " + DayStatistics.TYPE);
    int differing = 0;
    for (NexmarkQuery<?> query : NexmarkQueries.all()) {
      if (!wanted.isEmpty() && !wanted.contains(query.name())) {
        continue;
      }
      FlinkNexmarkRunner.Options options = new FlinkNexmarkRunner.Options(query.name(), events, parallelism, state,
          checkpointMs, checkpointMs > 0 ? "target/flink-check-" + query.name() + "-" + System.nanoTime() : null,
          0, null, 0, 0, false);
      ResultSummary expected = baseline(query, options);
      String line;
      try {
        FlinkNexmarkRunner.Outcome outcome = FlinkNexmarkRunner.run(options);
        boolean equal = expected.equals(outcome.summary());
        differing += equal ? 0 : 1;
        line = (equal ? "equal     " : "NOT EQUAL ") + "flink " + outcome.summary() + ", baseline " + expected;
      } catch (Exception e) {
        differing++;
        line = "FAILED    " + e;
      }
      System.out.println(query.name() + ": " + line);
    }
    System.exit(differing == 0 ? 0 : 1);
  }

  @SuppressWarnings("unchecked")
  private static <R> ResultSummary baseline(NexmarkQuery<R> query, FlinkNexmarkRunner.Options options) {
    NexmarkGenerator generator = new NexmarkGenerator(options.nexmark());
    List<Event> all = new ArrayList<>();
    generator.iterator(0, options.events()).forEachRemaining(all::add);
    ResultFold<R> fold = query.newFold(false);
    query.baseline(all, fold::add);
    return fold.summary();
  }
}
