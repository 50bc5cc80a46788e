package io.spate.bench.nexmark.flink;

import io.spate.bench.nexmark.Q21.Row;
import io.spate.connectors.nexmark.Bid;
import io.spate.connectors.nexmark.Event;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.util.Collector;

/** Nexmark q21 on Flink: bids with their channel's id, fixed for four channels, else from the URL. */
final class Q21 implements FlinkNexmarkQuery {

  private static final Pattern CHANNEL_ID = Pattern.compile("(&|^)channel_id=([^&]*)");

  @Override
  public String name() {
    return "q21";
  }

  @Override
  public DataStream<?> build(DataStream<Event> events) {
    return FlinkEvents.bids(events).flatMap((Bid bid, Collector<Row> out) -> {
      String id = switch (bid.channel().toLowerCase(Locale.ROOT)) {
        case "apple" -> "0";
        case "google" -> "1";
        case "facebook" -> "2";
        case "baidu" -> "3";
        default -> {
          Matcher m = CHANNEL_ID.matcher(bid.url());
          yield m.find() ? m.group(2) : null;
        }
      };
      if (id != null) {
        out.collect(new Row(bid.auction(), bid.bidder(), bid.price(), bid.channel(), id));
      }
    }).returns(Row.class).name("q21");
  }
}
