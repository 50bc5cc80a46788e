package io.spate.bench.nexmark;

import io.spate.api.datastream.DataStream;
import io.spate.connectors.nexmark.Bid;
import io.spate.connectors.nexmark.Event;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Nexmark q21, add channel id: bids from the four known channels get their fixed id, others the
 * {@code channel_id} parameter of their URL; bids with neither are dropped.
 */
public final class Q21 implements NexmarkQuery<Q21.Row> {

  private static final Pattern CHANNEL_ID = Pattern.compile("(&|^)channel_id=([^&]*)");

  /** A bid with its channel's id. */
  public record Row(long auction, long bidder, long price, String channel, String channelId) {}

  /** The row of {@code bid} with its channel id, or null if it has none. */
  public static Row withChannelId(Bid bid) {
    String id = switch (bid.channel().toLowerCase(Locale.ROOT)) {
      case "apple" -> "0";
      case "google" -> "1";
      case "facebook" -> "2";
      case "baidu" -> "3";
      default -> urlChannelId(bid.url());
    };
    return id == null ? null : new Row(bid.auction(), bid.bidder(), bid.price(), bid.channel(), id);
  }

  private static String urlChannelId(String url) {
    Matcher m = CHANNEL_ID.matcher(url);
    return m.find() ? m.group(2) : null;
  }

  @Override
  public String name() {
    return "q21";
  }

  @Override
  public DataStream<Row> build(DataStream<Event> events) {
    return EventStreams.bids(events).<Row>flatMap((bid, out) -> {
      Row row = withChannelId(bid);
      if (row != null) {
        out.collect(row);
      }
    }).returns(Row.class).name("q21");
  }

  @Override
  public void baseline(Iterable<Event> events, Consumer<? super Row> out) {
    for (Event event : events) {
      if (event.bid() != null) {
        Row row = withChannelId(event.bid());
        if (row != null) {
          out.accept(row);
        }
      }
    }
  }
}
