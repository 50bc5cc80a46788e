package io.spate.connectors.nexmark;

/**
 * A new item put up for auction: the Nexmark {@code Auction} event.
 *
 * @param id the auction's id
 * @param itemName the item's name
 * @param description the item's description
 * @param initialBid the opening price
 * @param reserve the lowest price the seller accepts
 * @param dateTime event time, epoch milliseconds
 * @param expires when the auction closes, epoch milliseconds
 * @param seller the id of the person selling
 * @param category the item's category
 * @param extra padding that brings the event to its configured average size
 */
public record Auction(
    long id, String itemName, String description, long initialBid, long reserve, long dateTime, long expires,
    long seller, long category, String extra) {}
