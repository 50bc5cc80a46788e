package io.spate.connectors.nexmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The shapes of the dictionary's strings, which queries parse and sizes are computed from. */
class NexmarkDictionaryTest {

  @Test
  void everyChannelPageNamesItsChannelIdAfterTheItemQuery() {
    for (int i = 0; i < NexmarkDictionary.CHANNELS; i++) {
      assertThat(NexmarkDictionary.CHANNEL_NAMES[i]).isEqualTo("channel-" + i);
      assertThat(NexmarkDictionary.CHANNEL_URLS[i])
          .matches("https://www\\.nexmark\\.com/[a-z]{5}/[a-z]{5}/[a-z]{5}/item\\.htm\\?query=1&channel_id=[0-9]+")
          .endsWith("&channel_id=" + Integer.toUnsignedString(Integer.reverse(i)));
    }
    for (String url : NexmarkDictionary.HOT_URLS) {
      assertThat(url).matches("https://www\\.nexmark\\.com/[a-z]{5}/[a-z]{5}/[a-z]{5}/item\\.htm\\?query=1");
    }
  }

  @Test
  void peopleHaveWellFormedNamesEmailsAndCards() {
    assertThat(NexmarkDictionary.NAMES).doesNotContainNull().allMatch(n -> n.matches("[A-Z][a-z]+ [A-Z][a-z]+"));
    assertThat(new HashSet<>(Arrays.asList(NexmarkDictionary.NAMES))).hasSize(NexmarkDictionary.NAMES.length);
    assertThat(NexmarkDictionary.EMAILS).allMatch(e -> e.matches("[a-z]{7}@[a-z]{5}\\.com"));
    assertThat(NexmarkDictionary.CREDIT_CARDS).allMatch(c -> c.matches("[0-9]{4} [0-9]{4} [0-9]{4} [0-9]{4}"));
  }

  @Test
  void textsAreWordsOfTheirExactLengthWithSingleSpaces() {
    assertThat(NexmarkDictionary.ITEM_NAMES).allMatch(t -> t.length() == 20 && isWords(t));
    assertThat(NexmarkDictionary.DESCRIPTIONS).allMatch(t -> t.length() == 100 && isWords(t));
    assertThat(NexmarkDictionary.TEXT).hasSize((int) (NexmarkConfiguration.MAX_AVERAGE_SIZE * 1.25) + 16);
    assertThat(isWords(NexmarkDictionary.TEXT)).isTrue();
  }

  @Test
  void lettersAndWordLengthsAreSpreadOut() {
    int[] letters = new int[26];
    long spaces = 0;
    String text = NexmarkDictionary.TEXT;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ' ') {
        spaces++;
      } else {
        letters[c - 'a']++;
      }
    }
    long total = text.length() - spaces;
    for (int count : letters) {
      // each letter near 1/26 of them: 3 150 expected, standard deviation about 55
      assertThat((double) count / total).isBetween(0.8 / 26, 1.2 / 26);
    }
    // a space follows a letter with probability 1/6, so words average about 6 letters
    assertThat((double) total / spaces).isBetween(5.0, 7.5);
  }

  @Test
  void poolsHoldDistinctStrings() {
    Set<String> descriptions = new HashSet<>(Arrays.asList(NexmarkDictionary.DESCRIPTIONS));
    assertThat(descriptions).hasSizeGreaterThan(NexmarkDictionary.DESCRIPTIONS.length - 2);
    Set<String> urls = new HashSet<>(Arrays.asList(NexmarkDictionary.CHANNEL_URLS));
    assertThat(urls).hasSize(NexmarkDictionary.CHANNELS);
  }

  /** Lower-case letters and single spaces, neither first nor last. */
  private static boolean isWords(String text) {
    if (text.isEmpty() || text.charAt(0) == ' ' || text.charAt(text.length() - 1) == ' ') {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean letter = c >= 'a' && c <= 'z';
      boolean singleSpace = c == ' ' && text.charAt(i - 1) != ' ';
      if (!letter && !singleSpace) {
        return false;
      }
    }
    return true;
  }
}
