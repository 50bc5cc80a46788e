package io.spate.api.serialization;

import io.spate.api.annotation.PublicEvolving;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Objects;

/**
 * An {@link Encoder} that writes each record's {@code toString()} in a charset (UTF-8 by default),
 * followed by a newline.
 *
 * @param <IN> the record type
 */
@PublicEvolving
public class SimpleStringEncoder<IN> implements Encoder<IN> {

  private static final long serialVersionUID = 1L;

  private final String charsetName;
  private transient Charset charset;

  /** An encoder writing UTF-8. */
  public SimpleStringEncoder() {
    this("UTF-8");
  }

  /** An encoder writing the charset {@code charsetName}; an unknown name fails here. */
  public SimpleStringEncoder(String charsetName) {
    this.charsetName = Objects.requireNonNull(charsetName, "charsetName");
    this.charset = charsetFor(charsetName);
  }

  static Charset charsetFor(String name) {
    try {
      return Charset.forName(name);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new IllegalArgumentException("SimpleStringEncoder: unknown charset '" + name + "'", e);
    }
  }

  @Override
  public void encode(IN element, OutputStream stream) throws IOException {
    if (charset == null) {
      charset = charsetFor(charsetName);
    }
    stream.write(String.valueOf(element).getBytes(charset));
    stream.write('\n');
  }

  @Override
  public String toString() {
    return "SimpleStringEncoder(" + charsetName + ")";
  }
}
