package io.spate.table.formats.common;

import io.spate.api.annotation.Internal;
import java.nio.charset.StandardCharsets;

/** A record's bytes as text for an error message: UTF-8, cut to a readable length. */
@Internal
public final class RecordText {

  private static final int MAX_CHARS = 200;

  private RecordText() {}

  /** {@code message} as text, at most {@value #MAX_CHARS} characters, with {@code ...} where it was cut. */
  public static String of(byte[] message) {
    if (message == null) {
      return "null";
    }
    String text = new String(message, StandardCharsets.UTF_8);
    return text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS) + "...";
  }
}
