package io.spate.runtime;

import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.ArrayList;
import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** QuickTheories generators of strings, for the property tests of the runtime. */
public final class StringGens {

  private static final String ASCII_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

  private StringGens() {}

  /**
   * Strings of any UTF-16 chars, surrogate halves included (so a string may hold a lone surrogate or
   * a pair), of {@code minLength} to {@code maxLength} chars; shrinks towards shorter strings of '!'.
   */
  public static Gen<String> anyChars(int minLength, int maxLength) {
    return strings().betweenCodePoints(Character.MIN_VALUE, Character.MAX_VALUE)
        .ofLengthBetween(minLength, maxLength);
  }

  /** Strings of the given alphabet's chars, shrinking towards shorter strings of its first char. */
  public static Gen<String> over(String alphabet, int minLength, int maxLength) {
    List<Character> chars = new ArrayList<>();
    alphabet.chars().forEach(c -> chars.add((char) c));
    return lists().of(Generate.pick(chars)).ofSizeBetween(minLength, maxLength).map(StringGens::join);
  }

  /** Strings of the ASCII letters a-z and A-Z. */
  public static Gen<String> asciiLetters(int minLength, int maxLength) {
    return over(ASCII_LETTERS, minLength, maxLength);
  }

  private static String join(List<Character> chars) {
    StringBuilder text = new StringBuilder(chars.size());
    chars.forEach(text::append);
    return text.toString();
  }
}
