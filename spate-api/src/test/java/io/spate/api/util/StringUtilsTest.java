package io.spate.api.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import io.spate.api.serialization.DataInputDeserializer;
import io.spate.api.serialization.DataOutputSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/** Hex and binary strings round-trip; the text helpers give Flink's results. */
class StringUtilsTest {

  private static Gen<byte[]> bytes() {
    return SourceDSL.lists().of(SourceDSL.integers().between(-128, 127)).ofSizeBetween(0, 40).map(list -> {
      byte[] out = new byte[list.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = list.get(i).byteValue();
      }
      return out;
    });
  }

  private static Gen<String> strings() {
    return SourceDSL.strings().allPossible().ofLengthBetween(0, 30);
  }

  @Test
  void hexRoundTrips() {
    qt().forAll(bytes()).checkAssert(b -> {
      String hex = StringUtils.byteToHexString(b);
      assertThat(hex).hasSize(b.length * 2).matches("[0-9a-f]*");
      assertThat(StringUtils.hexStringToByte(hex)).isEqualTo(b);
      assertThat(StringUtils.hexStringToByte(hex.toUpperCase())).isEqualTo(b);
    });
    assertThat(StringUtils.byteToHexString(new byte[] {0x0f, (byte) 0xa0, 0x7f}, 1, 3)).isEqualTo("a07f");
    assertThatThrownBy(() -> StringUtils.hexStringToByte("abc")).hasMessageContaining("even number");
    assertThatThrownBy(() -> StringUtils.hexStringToByte("zz")).hasMessageContaining("not a hex string");
    assertThatThrownBy(() -> StringUtils.byteToHexString(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void stringsAndNullableStringsRoundTripThroughDataViews() {
    qt().forAll(strings(), SourceDSL.booleans().all()).checkAssert((s, nullIt) -> {
      String value = nullIt ? null : s;
      try {
        DataOutputSerializer out = new DataOutputSerializer();
        StringUtils.writeString(value, out);
        StringUtils.writeNullableString(value, out);
        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
        assertThat(StringUtils.readString(in)).isEqualTo(value);
        assertThat(StringUtils.readNullableString(in)).isEqualTo(value);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  @Test
  void textHelpers() {
    assertThat(StringUtils.arrayAwareToString(new int[] {1, 2})).isEqualTo("[1, 2]");
    assertThat(StringUtils.arrayAwareToString(new Object[] {"a", new long[] {3}})).isEqualTo("[a, [3]]");
    assertThat(StringUtils.arrayAwareToString(null)).isEqualTo("null");
    assertThat(StringUtils.arrayAwareToString(7)).isEqualTo("7");
    assertThat(StringUtils.showControlCharacters("a\tb\n\"c\\\r\b\f")).isEqualTo("a\\tb\\n\"c\\\\r\\b\\f");
    assertThat(StringUtils.isNullOrWhitespaceOnly(null)).isTrue();
    assertThat(StringUtils.isNullOrWhitespaceOnly(" \t\n")).isTrue();
    assertThat(StringUtils.isNullOrWhitespaceOnly(" x ")).isFalse();
    assertThat(StringUtils.concatenateWithAnd("a", "b")).isEqualTo("a and b");
    assertThat(StringUtils.concatenateWithAnd(null, "b")).isEqualTo("b");
    assertThat(StringUtils.concatenateWithAnd("a", null)).isEqualTo("a");
    assertThat(StringUtils.toQuotedListString(new Object[] {"ONE", null, "Two"})).isEqualTo("\"one, two\"");
    assertThat(StringUtils.EMPTY_STRING_ARRAY).isEmpty();
  }

  @Test
  void randomStringsStayWithinTheirBounds() {
    Random random = new Random(42);
    for (int i = 0; i < 200; i++) {
      String any = StringUtils.getRandomString(random, 2, 5);
      assertThat(any.length()).isBetween(2, 5);
      assertThat(any.chars()).allMatch(c -> c >= 1 && c <= 0x7fff);
      String letters = StringUtils.getRandomString(random, 3, 3, 'a', 'c');
      assertThat(letters).hasSize(3).matches("[abc]{3}");
      assertThat(StringUtils.generateRandomAlphanumericString(random, 8)).matches("[a-zA-Z0-9]{8}");
    }
    assertThatThrownBy(() -> StringUtils.getRandomString(random, 5, 2)).hasMessageContaining("minLength");
  }
}
