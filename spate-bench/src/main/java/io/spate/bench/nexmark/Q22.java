package io.spate.bench.nexmark;

import io.spate.api.datastream.DataStream;
import io.spate.connectors.nexmark.Bid;
import io.spate.connectors.nexmark.Event;
import java.util.function.Consumer;

/**
 * Nexmark q22, URL directories: every bid with the fourth, fifth and sixth '/'-separated parts of
 * its URL (null where the URL has fewer parts).
 */
public final class Q22 implements NexmarkQuery<Q22.Row> {

  /** A bid with three directories of its URL. */
  public record Row(long auction, long bidder, long price, String channel, String dir1, String dir2, String dir3) {
    /** The row of {@code bid}, with the first three directories of its URL. */
    public static Row of(Bid bid) {
      // -1 keeps empty parts, as SQL's SPLIT_INDEX does
      String[] parts = bid.url().split("/", -1);
      return new Row(bid.auction(), bid.bidder(), bid.price(), bid.channel(), part(parts, 3), part(parts, 4),
          part(parts, 5));
    }

    private static String part(String[] parts, int index) {
      return index < parts.length ? parts[index] : null;
    }
  }

  @Override
  public String name() {
    return "q22";
  }

  @Override
  public DataStream<Row> build(DataStream<Event> events) {
    return EventStreams.bids(events).map(Row::of).returns(Row.class).name("q22");
  }

  @Override
  public void baseline(Iterable<Event> events, Consumer<? super Row> out) {
    for (Event event : events) {
      if (event.bid() != null) {
        out.accept(Row.of(event.bid()));
      }
    }
  }
}
