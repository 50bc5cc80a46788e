package io.spate.connectors.kafka.sink;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The transactional ids of one sink: {@code <prefix>-<subtask>-<n>}, where {@code n} counts the
 * transactions of a subtask and only grows, across restarts too (a restarted subtask starts after the
 * highest number the brokers know), so that a new transaction never takes the id of one that a
 * checkpoint still holds.
 */
record TransactionalIds(String prefix) {

  /** A transactional id of this sink, split into its parts. */
  record Parsed(int subtask, long number) {}

  /** The id of transaction {@code number} of subtask {@code subtask}. */
  String id(int subtask, long number) {
    return prefix + "-" + subtask + "-" + number;
  }

  /** A regular expression that matches exactly this sink's ids (for the brokers' filter). */
  String pattern() {
    return Pattern.quote(prefix) + "-[0-9]+-[0-9]+";
  }

  /** The parts of {@code transactionalId}, or null if it is not an id of this sink. */
  Parsed parse(String transactionalId) {
    if (!transactionalId.startsWith(prefix + "-")) {
      return null;
    }
    Matcher matcher = SUFFIX.matcher(transactionalId.substring(prefix.length() + 1));
    if (!matcher.matches()) {
      return null;
    }
    try {
      return new Parsed(Integer.parseInt(matcher.group(1)), Long.parseLong(matcher.group(2)));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static final Pattern SUFFIX = Pattern.compile("([0-9]+)-([0-9]+)");
}
