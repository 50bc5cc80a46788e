package io.spate.bench.nexmark.flink;

import io.spate.connectors.nexmark.Auction;
import io.spate.connectors.nexmark.Bid;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;

/** The rules the Spate queries fix for bids: which bid wins, which counts for an auction, UTC formats, price ranks. */
final class Bids {

  /** Best bid first: higher price, then earlier, then lower bidder, then channel, URL and extra. */
  static final Comparator<Bid> BEST_FIRST = Comparator.comparingLong(Bid::price).reversed()
      .thenComparingLong(Bid::dateTime)
      .thenComparingLong(Bid::bidder)
      .thenComparing(Bid::channel)
      .thenComparing(Bid::url)
      .thenComparing(Bid::extra);

  static final double DOLLAR_TO_EURO = 0.908;
  static final long DAY_MILLIS = 86_400_000L;

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

  private Bids() {}

  static boolean beats(Bid candidate, Bid current) {
    return current == null || BEST_FIRST.compare(candidate, current) < 0;
  }

  /** Whether {@code bid} was made between the auction's start and expiry, both included. */
  static boolean inTime(Auction auction, Bid bid) {
    return bid.dateTime() >= auction.dateTime() && bid.dateTime() <= auction.expires();
  }

  static String day(long epochMillis) {
    return DAY.format(Instant.ofEpochMilli(epochMillis));
  }

  static String minute(long epochMillis) {
    return MINUTE.format(Instant.ofEpochMilli(epochMillis));
  }

  static int hour(long epochMillis) {
    return (int) (Math.floorMod(epochMillis, DAY_MILLIS) / 3_600_000L);
  }

  /** Price rank 1 below 10,000, 2 below 1,000,000, 3 above. */
  static int rank(long price) {
    return price < 10_000 ? 1 : price < 1_000_000 ? 2 : 3;
  }

  static long windowStart(long time, long size) {
    return time - Math.floorMod(time, size);
  }
}
