package io.spate.connectors.nexmark;

import java.util.SplittableRandom;

/**
 * The strings events are made of, built once per JVM from a fixed seed so that generating an event
 * only picks from them and allocates no text. The seed of a configuration decides which ones each
 * event picks, not what they are.
 */
final class NexmarkDictionary {

  private NexmarkDictionary() {}

  private static final int POOL_SIZE = 1024;
  private static final long DICTIONARY_SEED = 0x5EED_0F_D1C7L;

  static final String[] US_STATES = {"AZ", "CA", "ID", "OR", "WA", "WY"};
  static final String[] US_CITIES = {
      "Phoenix", "Los Angeles", "San Francisco", "Boise", "Portland", "Bend", "Redmond", "Seattle", "Kent",
      "Cheyenne"};
  private static final String[] FIRST_NAMES = {
      "Peter", "Paul", "Luke", "John", "Saul", "Vicky", "Kate", "Julie", "Sarah", "Deiter", "Walter"};
  private static final String[] LAST_NAMES = {
      "Shultz", "Abrams", "Spencer", "White", "Bartels", "Walton", "Smith", "Jones", "Noris"};

  /** The channels most bids come through, each with its own page. */
  static final String[] HOT_CHANNELS = {"Google", "Facebook", "Baidu", "Apple"};
  static final String[] HOT_URLS;
  /** The long tail of channels: "channel-i", with a page that names the channel in a {@code channel_id} parameter. */
  static final int CHANNELS = 10_000;
  static final String[] CHANNEL_NAMES = new String[CHANNELS];
  static final String[] CHANNEL_URLS = new String[CHANNELS];

  static final String[] NAMES = new String[FIRST_NAMES.length * LAST_NAMES.length];
  static final String[] EMAILS = new String[POOL_SIZE];
  static final String[] CREDIT_CARDS = new String[POOL_SIZE];
  static final String[] ITEM_NAMES = new String[POOL_SIZE];
  static final String[] DESCRIPTIONS = new String[POOL_SIZE];
  /** Random text that padding is cut from. */
  static final String TEXT;

  static {
    SplittableRandom random = new SplittableRandom(DICTIONARY_SEED);
    int n = 0;
    for (String first : FIRST_NAMES) {
      for (String last : LAST_NAMES) {
        NAMES[n++] = first + " " + last;
      }
    }
    for (int i = 0; i < POOL_SIZE; i++) {
      EMAILS[i] = word(random, 7) + "@" + word(random, 5) + ".com";
      CREDIT_CARDS[i] = digits(random, 4) + " " + digits(random, 4) + " " + digits(random, 4) + " " + digits(random, 4);
      ITEM_NAMES[i] = text(random, 20);
      DESCRIPTIONS[i] = text(random, 100);
    }
    HOT_URLS = new String[HOT_CHANNELS.length];
    for (int i = 0; i < HOT_URLS.length; i++) {
      HOT_URLS[i] = pageUrl(random);
    }
    for (int i = 0; i < CHANNELS; i++) {
      CHANNEL_NAMES[i] = "channel-" + i;
      CHANNEL_URLS[i] = pageUrl(random) + "&channel_id=" + Integer.toUnsignedString(Integer.reverse(i));
    }
    TEXT = text(random, (int) (NexmarkConfiguration.MAX_AVERAGE_SIZE * 1.25) + 16);
  }

  /** A page of the auction site: three directory levels, then the item page with a query. */
  private static String pageUrl(SplittableRandom random) {
    return "https://www.nexmark.com/" + word(random, 5) + "/" + word(random, 5) + "/" + word(random, 5)
        + "/item.htm?query=1";
  }

  private static String word(SplittableRandom random, int length) {
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) {
      chars[i] = (char) ('a' + random.nextInt(26));
    }
    return new String(chars);
  }

  /** Lower-case words separated by single spaces, exactly {@code length} characters long. */
  private static String text(SplittableRandom random, int length) {
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) {
      boolean space = i > 0 && i < length - 1 && chars[i - 1] != ' ' && random.nextInt(6) == 0;
      chars[i] = space ? ' ' : (char) ('a' + random.nextInt(26));
    }
    return new String(chars);
  }

  private static String digits(SplittableRandom random, int length) {
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) {
      chars[i] = (char) ('0' + random.nextInt(10));
    }
    return new String(chars);
  }

  /** The mean length of the strings in {@code pool}. */
  static double meanLength(String[] pool) {
    long sum = 0;
    for (String s : pool) {
      sum += s.length();
    }
    return (double) sum / pool.length;
  }
}
