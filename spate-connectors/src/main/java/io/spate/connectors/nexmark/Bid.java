package io.spate.connectors.nexmark;

/**
 * A bid on an auction: the Nexmark {@code Bid} event.
 *
 * @param auction the id of the auction bid on
 * @param bidder the id of the person bidding
 * @param price the bid, in cents
 * @param channel where the bid came from (such as "Google", "Facebook", "Baidu", "Apple")
 * @param url the page the bid was made on
 * @param dateTime event time, epoch milliseconds
 * @param extra padding that brings the event to its configured average size
 */
public record Bid(long auction, long bidder, long price, String channel, String url, long dateTime, String extra) {}
