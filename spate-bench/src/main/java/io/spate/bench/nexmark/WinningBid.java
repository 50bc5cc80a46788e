package io.spate.bench.nexmark;

import io.spate.connectors.nexmark.Auction;
import io.spate.connectors.nexmark.Bid;

/**
 * A closed auction and its winning bid: the best bid (see {@link BidOrder}) made between the
 * auction's start and its expiry, both included. The output row of q9; q4 and q6 build on it.
 *
 * @param auction the auction
 * @param bid its winning bid
 */
public record WinningBid(Auction auction, Bid bid) {

  /** Whether {@code bid} was made between the auction's start and expiry, both included. */
  public static boolean inTime(Auction auction, Bid bid) {
    return bid.dateTime() >= auction.dateTime() && bid.dateTime() <= auction.expires();
  }
}
