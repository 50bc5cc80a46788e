package io.spate.bench.nexmark.flink.sql;

import static org.apache.flink.table.api.DataTypes.BIGINT;
import static org.apache.flink.table.api.DataTypes.FIELD;
import static org.apache.flink.table.api.DataTypes.INT;
import static org.apache.flink.table.api.DataTypes.ROW;
import static org.apache.flink.table.api.DataTypes.STRING;
import static org.apache.flink.table.api.DataTypes.TIMESTAMP;

import io.spate.connectors.nexmark.Auction;
import io.spate.connectors.nexmark.Bid;
import io.spate.connectors.nexmark.Event;
import io.spate.connectors.nexmark.Person;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.table.types.DataType;
import org.apache.flink.types.Row;

/**
 * The Nexmark events as rows of the Nexmark project's {@code datagen} table ({@code event_type} and
 * one nested row per event kind), the physical columns of Spate's {@code nexmark} SQL connector.
 */
public final class EventRows implements MapFunction<Event, Row> {

  private static final long serialVersionUID = 1L;

  /** The rows' type: the physical columns of the prelude's {@code datagen} table. */
  public static final DataType TYPE = ROW(
      FIELD("event_type", INT()),
      FIELD("person", ROW(FIELD("id", BIGINT()), FIELD("name", STRING()), FIELD("emailAddress", STRING()),
          FIELD("creditCard", STRING()), FIELD("city", STRING()), FIELD("state", STRING()),
          FIELD("dateTime", TIMESTAMP(3)), FIELD("extra", STRING()))),
      FIELD("auction", ROW(FIELD("id", BIGINT()), FIELD("itemName", STRING()), FIELD("description", STRING()),
          FIELD("initialBid", BIGINT()), FIELD("reserve", BIGINT()), FIELD("dateTime", TIMESTAMP(3)),
          FIELD("expires", TIMESTAMP(3)), FIELD("seller", BIGINT()), FIELD("category", BIGINT()),
          FIELD("extra", STRING()))),
      FIELD("bid", ROW(FIELD("auction", BIGINT()), FIELD("bidder", BIGINT()), FIELD("price", BIGINT()),
          FIELD("channel", STRING()), FIELD("url", STRING()), FIELD("dateTime", TIMESTAMP(3)),
          FIELD("extra", STRING())))).notNull();

  @Override
  public Row map(Event event) {
    Person p = event.person();
    Auction a = event.auction();
    Bid b = event.bid();
    return Row.of(event.type().ordinal(),
        p == null ? null : Row.of(p.id(), p.name(), p.emailAddress(), p.creditCard(), p.city(), p.state(),
            time(p.dateTime()), p.extra()),
        a == null ? null : Row.of(a.id(), a.itemName(), a.description(), a.initialBid(), a.reserve(),
            time(a.dateTime()), time(a.expires()), a.seller(), a.category(), a.extra()),
        b == null ? null : Row.of(b.auction(), b.bidder(), b.price(), b.channel(), b.url(), time(b.dateTime()),
            b.extra()));
  }

  private static LocalDateTime time(long epochMillis) {
    return LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC);
  }
}
