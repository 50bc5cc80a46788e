package io.spate.connectors.nexmark;

import java.nio.charset.StandardCharsets;

/**
 * The strings events are made of, built once per JVM from a fixed seed so that generating an event
 * only picks from them and allocates no text. The seed of a configuration decides which ones each
 * event picks, not what they are.
 *
 * <p>A job's first reader builds them, after the job has started, so the build is written to be
 * quick before the JIT has compiled it: the characters come from one small random function and go
 * into a byte buffer, with no string concatenation and no {@code java.util} random source.
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
    Latin1Text out = new Latin1Text(DICTIONARY_SEED, (int) (NexmarkConfiguration.MAX_AVERAGE_SIZE * 1.25) + 16);
    int n = 0;
    for (String first : FIRST_NAMES) {
      for (String last : LAST_NAMES) {
        NAMES[n++] = out.append(first).append(" ").append(last).take();
      }
    }
    for (int i = 0; i < POOL_SIZE; i++) {
      EMAILS[i] = out.letters(7).append("@").letters(5).append(".com").take();
      CREDIT_CARDS[i] = out.digits(4).append(" ").digits(4).append(" ").digits(4).append(" ").digits(4).take();
      ITEM_NAMES[i] = out.words(20).take();
      DESCRIPTIONS[i] = out.words(100).take();
    }
    HOT_URLS = new String[HOT_CHANNELS.length];
    for (int i = 0; i < HOT_URLS.length; i++) {
      HOT_URLS[i] = pageUrl(out).take();
    }
    for (int i = 0; i < CHANNELS; i++) {
      CHANNEL_NAMES[i] = out.append("channel-").number(i).take();
      CHANNEL_URLS[i] = pageUrl(out).append("&channel_id=").number(Integer.toUnsignedLong(Integer.reverse(i))).take();
    }
    TEXT = out.words((int) (NexmarkConfiguration.MAX_AVERAGE_SIZE * 1.25) + 16).take();
  }

  /** A page of the auction site: three directory levels, then the item page with a query. */
  private static Latin1Text pageUrl(Latin1Text out) {
    return out.append("https://www.nexmark.com/").letters(5).append("/").letters(5).append("/").letters(5)
        .append("/item.htm?query=1");
  }

  /** The mean length of the strings in {@code pool}. */
  static double meanLength(String[] pool) {
    long sum = 0;
    for (String s : pool) {
      sum += s.length();
    }
    return (double) sum / pool.length;
  }

  /** One string at a time, written as bytes from a seeded random source. */
  private static final class Latin1Text {
    private final byte[] buffer;
    private int length;
    private long state;

    Latin1Text(long seed, int capacity) {
      this.state = seed;
      this.buffer = new byte[capacity];
    }

    /** A number in {@code [0, bound)}: one SplitMix64 step, scaled to the bound. */
    private int below(int bound) {
      long z = state += 0x9E3779B97F4A7C15L;
      z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
      z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
      z ^= z >>> 31;
      return (int) (((z >>> 32) * bound) >>> 32);
    }

    Latin1Text append(String constant) {
      byte[] bytes = constant.getBytes(StandardCharsets.ISO_8859_1);
      System.arraycopy(bytes, 0, buffer, length, bytes.length);
      length += bytes.length;
      return this;
    }

    /** The decimal digits of {@code value}, which is not negative. */
    Latin1Text number(long value) {
      int digits = 1;
      for (long rest = value / 10; rest > 0; rest /= 10) {
        digits++;
      }
      length += digits;
      long rest = value;
      for (int i = length - 1; i >= length - digits; i--) {
        buffer[i] = (byte) ('0' + rest % 10);
        rest /= 10;
      }
      return this;
    }

    Latin1Text letters(int count) {
      for (int i = 0; i < count; i++) {
        buffer[length++] = (byte) ('a' + below(26));
      }
      return this;
    }

    Latin1Text digits(int count) {
      for (int i = 0; i < count; i++) {
        buffer[length++] = (byte) ('0' + below(10));
      }
      return this;
    }

    /** Lower-case words separated by single spaces, exactly {@code count} characters long. */
    Latin1Text words(int count) {
      for (int i = 0; i < count; i++) {
        boolean space = i > 0 && i < count - 1 && buffer[length - 1] != ' ' && below(6) == 0;
        buffer[length++] = space ? (byte) ' ' : (byte) ('a' + below(26));
      }
      return this;
    }

    /** The string written since the last one. */
    String take() {
      String s = new String(buffer, 0, length, StandardCharsets.ISO_8859_1);
      length = 0;
      return s;
    }
  }
}
