package io.spate.connectors.nexmark;

/**
 * One Nexmark event: exactly one of a new person, a new auction or a bid, the others null, so that one
 * stream carries all three kinds (as Nexmark's queries expect) with a plain serializable type.
 *
 * @param person the new person, or null
 * @param auction the new auction, or null
 * @param bid the bid, or null
 */
public record Event(Person person, Auction auction, Bid bid) {

  /** The kinds of event. */
  public enum Type { PERSON, AUCTION, BID }

  /** Checks that exactly one kind is set. */
  public Event {
    int set = (person != null ? 1 : 0) + (auction != null ? 1 : 0) + (bid != null ? 1 : 0);
    if (set != 1) {
      throw new IllegalArgumentException("A Nexmark event holds exactly one of person, auction and bid, but has "
          + set + ": " + person + ", " + auction + ", " + bid);
    }
  }

  /** An event of a new person. */
  public static Event of(Person person) {
    return new Event(person, null, null);
  }

  /** An event of a new auction. */
  public static Event of(Auction auction) {
    return new Event(null, auction, null);
  }

  /** An event of a bid. */
  public static Event of(Bid bid) {
    return new Event(null, null, bid);
  }

  /** Which kind of event this is. */
  public Type type() {
    return person != null ? Type.PERSON : auction != null ? Type.AUCTION : Type.BID;
  }

  /** The event time, epoch milliseconds. */
  public long dateTime() {
    return person != null ? person.dateTime() : auction != null ? auction.dateTime() : bid.dateTime();
  }
}
