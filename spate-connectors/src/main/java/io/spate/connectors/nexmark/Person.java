package io.spate.connectors.nexmark;

/**
 * A new person registering with the auction site: the Nexmark {@code Person} event.
 *
 * @param id the person's id
 * @param name first and last name
 * @param emailAddress e-mail address
 * @param creditCard credit card number, four groups of four digits
 * @param city city
 * @param state US state, two letters
 * @param dateTime event time, epoch milliseconds
 * @param extra padding that brings the event to its configured average size
 */
public record Person(
    long id, String name, String emailAddress, String creditCard, String city, String state, long dateTime,
    String extra) {}
