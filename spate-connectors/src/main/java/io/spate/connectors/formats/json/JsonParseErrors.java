package io.spate.connectors.formats.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;

/** Says what could not be parsed, and where, for the messages of the JSON formats' errors. */
final class JsonParseErrors {

  /** How much of a malformed input an error message quotes. */
  static final int QUOTED_CHARS = 120;

  private JsonParseErrors() {}

  /** Jackson's reason without its source excerpt, with the column (and line) where it stopped. */
  static String reason(JsonProcessingException e, boolean withLine) {
    String reason = e.getOriginalMessage();
    JsonLocation location = e.getLocation();
    if (location != null && location.getColumnNr() > 0) {
      reason += withLine
          ? " (at line " + location.getLineNr() + ", column " + location.getColumnNr() + ")"
          : " (at column " + location.getColumnNr() + ")";
    }
    return reason;
  }

  /** The start of {@code text}, quoted, for an error message. */
  static String quote(String text) {
    String shown = text.length() <= QUOTED_CHARS ? text : text.substring(0, QUOTED_CHARS) + "...";
    return "'" + shown.replace("\n", "\\n").replace("\r", "\\r") + "'";
  }

  /** The start of {@code bytes} as UTF-8 text, quoted. */
  static String quote(byte[] bytes) {
    int length = Math.min(bytes.length, QUOTED_CHARS * 4);
    return quote(new String(bytes, 0, length, StandardCharsets.UTF_8));
  }
}
