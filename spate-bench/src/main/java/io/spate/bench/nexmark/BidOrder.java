package io.spate.bench.nexmark;

import io.spate.connectors.nexmark.Bid;
import java.util.Comparator;

/**
 * The order in which bids win: higher price first, then the earlier bid, then the lower bidder id,
 * then channel, URL and extra, so that the winner is the same whatever order bids arrive in.
 */
public final class BidOrder {

  /** Best bid first. */
  public static final Comparator<Bid> BEST_FIRST = Comparator.comparingLong(Bid::price).reversed()
      .thenComparingLong(Bid::dateTime)
      .thenComparingLong(Bid::bidder)
      .thenComparing(Bid::channel)
      .thenComparing(Bid::url)
      .thenComparing(Bid::extra);

  private BidOrder() {}

  /** Whether {@code candidate} beats {@code current}, which may be null. */
  public static boolean beats(Bid candidate, Bid current) {
    return current == null || BEST_FIRST.compare(candidate, current) < 0;
  }
}
