package io.spate.table.formats.csv;

import io.spate.api.annotation.Internal;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * How one CSV record is cut into fields and put together from them: the delimiter, the quote
 * character (0: quoting disabled), the escape character (0: none). A quoted field may hold
 * delimiters, line breaks and doubled quotes.
 */
@Internal
public final class CsvDialect implements Serializable {

  private static final long serialVersionUID = 1L;

  /**
   * One field of a record.
   *
   * @param text the field's value: without quotes and escapes
   * @param quoted whether it was quoted
   * @param raw the field as it stands in the record, which the null literal is compared with
   */
  public record Field(String text, boolean quoted, String raw) {}

  private final char delimiter;
  private final char quote;
  private final char escape;

  /** A dialect; {@code quote} or {@code escape} 0 for none. */
  public CsvDialect(char delimiter, char quote, char escape) {
    this.delimiter = delimiter;
    this.quote = quote;
    this.escape = escape;
  }

  /** The fields of {@code record}; fails naming the position of what is wrong. */
  public List<Field> split(String record) throws IOException {
    List<Field> fields = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    int length = record.length();
    if (length > 0 && record.charAt(length - 1) == '\r') {
      length--;
    }
    int i = 0;
    while (true) {
      text.setLength(0);
      boolean quoted = false;
      int fieldStart = i;
      if (quote != 0 && i < length && record.charAt(i) == quote) {
        quoted = true;
        int start = i;
        i++;
        while (true) {
          if (i >= length) {
            throw new IOException("the quoted field starting at character " + (start + 1) + " is not closed");
          }
          char c = record.charAt(i);
          if (escape != 0 && c == escape && i + 1 < length) {
            text.append(record.charAt(i + 1));
            i += 2;
          } else if (c == quote) {
            if (i + 1 < length && record.charAt(i + 1) == quote) {
              text.append(quote);
              i += 2;
            } else {
              i++;
              break;
            }
          } else {
            text.append(c);
            i++;
          }
        }
        if (i < length && record.charAt(i) != delimiter) {
          throw new IOException("expected the field delimiter '" + delimiter + "' after the quoted field ending at"
              + " character " + i + ", found '" + record.charAt(i) + "'");
        }
      } else {
        while (i < length && record.charAt(i) != delimiter) {
          char c = record.charAt(i);
          if (escape != 0 && c == escape && i + 1 < length) {
            text.append(record.charAt(i + 1));
            i += 2;
          } else {
            text.append(c);
            i++;
          }
        }
      }
      fields.add(new Field(text.toString(), quoted, record.substring(fieldStart, i)));
      if (i >= length) {
        return fields;
      }
      i++; // the delimiter
    }
  }

  /**
   * Whether {@code record} (the text read so far) ends inside a quoted field, so that the record
   * goes on after a line break.
   */
  public boolean endsInsideQuotes(CharSequence record) {
    if (quote == 0) {
      return false;
    }
    boolean inside = false;
    boolean fieldStart = true;
    for (int i = 0; i < record.length(); i++) {
      char c = record.charAt(i);
      if (inside) {
        if (escape != 0 && c == escape) {
          i++;
        } else if (c == quote) {
          if (i + 1 < record.length() && record.charAt(i + 1) == quote) {
            i++;
          } else {
            inside = false;
          }
        }
      } else if (c == quote && fieldStart) {
        inside = true;
      } else if (escape != 0 && c == escape) {
        i++;
      }
      fieldStart = !inside && c == delimiter;
    }
    return inside;
  }

  /**
   * Appends one field: quoted if {@code forceQuotes} or its text needs quotes (it holds the delimiter,
   * the quote, the escape or a line break); without quoting, special characters are escaped, or fail
   * the write if there is no escape character.
   */
  public void appendField(StringBuilder out, String text, boolean forceQuotes) {
    boolean special = false;
    for (int i = 0; i < text.length() && !special; i++) {
      char c = text.charAt(i);
      special = c == delimiter || c == '\n' || c == '\r' || (quote != 0 && c == quote) || (escape != 0 && c == escape);
    }
    if (quote != 0 && (special || forceQuotes)) {
      out.append(quote);
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == quote) {
          out.append(quote);
        } else if (escape != 0 && c == escape) {
          out.append(escape);
        }
        out.append(c);
      }
      out.append(quote);
      return;
    }
    if (!special) {
      out.append(text);
      return;
    }
    if (escape == 0) {
      throw new IllegalArgumentException("the value '" + text + "' holds the field delimiter or a line break, which"
          + " CSV without a quote character can only write with 'csv.escape-character' set");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == delimiter || c == escape || c == '\n' || c == '\r') {
        out.append(escape);
      }
      out.append(c);
    }
  }

  /** The field delimiter. */
  public char delimiter() {
    return delimiter;
  }
}
