package io.spate.bench.nexmark;

/**
 * Counts of bids, distinct bidders and distinct auctions, in total and per price rank (rank 1 below
 * 10,000, rank 2 below 1,000,000, rank 3 the rest): the report columns of q15 and q16.
 */
public record BidStatistics(
    long totalBids, long rank1Bids, long rank2Bids, long rank3Bids,
    long totalBidders, long rank1Bidders, long rank2Bidders, long rank3Bidders,
    long totalAuctions, long rank1Auctions, long rank2Auctions, long rank3Auctions) {

  /** The price rank of {@code price}: 1, 2 or 3. */
  public static int rank(long price) {
    return price < 10_000 ? 1 : price < 1_000_000 ? 2 : 3;
  }
}
