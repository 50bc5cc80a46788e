package io.spate.connectors.file;

import io.spate.api.configuration.Configuration;
import io.spate.api.fs.FSDataInputStream;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.typeinfo.Types;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Arrays;
import java.util.Objects;

/**
 * Reads the lines of text files in a charset (UTF-8 by default): lines end with {@code \n} or
 * {@code \r\n}, and the last line needs no ending. For charsets that write {@code \n} as the one byte
 * 0x0A (UTF-8, ASCII, the ISO-8859 family, ...) the reader reports the exact byte offset of the next
 * line, so a restore seeks straight there; for others (UTF-16, UTF-32) it reads through a
 * {@link BufferedReader} and a restore re-reads and skips the lines already emitted.
 */
public class TextLineInputFormat extends SimpleStreamFormat<String> {

  private static final long serialVersionUID = 1L;

  /** The charset used when none is named. */
  public static final String DEFAULT_CHARSET_NAME = "UTF-8";

  static final int CHUNK_SIZE = 64 * 1024;

  private final String charsetName;

  /** Lines in UTF-8. */
  public TextLineInputFormat() {
    this(DEFAULT_CHARSET_NAME);
  }

  /** Lines in the charset {@code charsetName}; an unknown name fails here. */
  public TextLineInputFormat(String charsetName) {
    this.charsetName = Objects.requireNonNull(charsetName, "charsetName");
    charset();
  }

  private Charset charset() {
    try {
      return Charset.forName(charsetName);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new IllegalArgumentException("TextLineInputFormat: unknown charset '" + charsetName + "'", e);
    }
  }

  @Override
  public Reader createReader(Configuration config, FSDataInputStream stream) throws IOException {
    Charset charset = charset();
    if (newlineIsOneByte(charset)) {
      return new Reader(stream, charset, stream.getPos());
    }
    return new Reader(new BufferedReader(new InputStreamReader(stream, charset)));
  }

  private static boolean newlineIsOneByte(Charset charset) {
    return charset.canEncode()
        && Arrays.equals("\n".getBytes(charset), new byte[] {'\n'})
        && Arrays.equals("\r".getBytes(charset), new byte[] {'\r'});
  }

  @Override
  public TypeInformation<String> getProducedType() {
    return Types.STRING;
  }

  @Override
  public String toString() {
    return "TextLineInputFormat(" + charsetName + ")";
  }

  /** Reads the lines of one stream. */
  public static final class Reader implements StreamFormat.Reader<String> {

    private final FSDataInputStream stream;
    private final Charset charset;
    private final BufferedReader lines;
    private byte[] buffer;
    /** The unconsumed bytes are buffer[start, end); start is the beginning of the next line. */
    private int start;
    private int end;
    /** Where to continue looking for a line end: bytes before it in the buffer hold none. */
    private int scanFrom;
    /** The file offset of buffer[start]: where the next line starts. */
    private long offset;
    private boolean endOfFile;

    private Reader(FSDataInputStream stream, Charset charset, long offset) {
      this.stream = stream;
      this.charset = charset;
      this.lines = null;
      this.buffer = new byte[CHUNK_SIZE];
      this.offset = offset;
    }

    private Reader(BufferedReader lines) {
      this.stream = null;
      this.charset = null;
      this.lines = lines;
    }

    @Override
    public String read() throws IOException {
      if (lines != null) {
        return lines.readLine();
      }
      while (true) {
        int newline = indexOfNewline();
        if (newline >= 0) {
          String line = decode(start, newline);
          offset += newline + 1 - start;
          start = newline + 1;
          scanFrom = start;
          return line;
        }
        if (endOfFile) {
          if (start == end) {
            return null;
          }
          String line = decode(start, end);
          offset += end - start;
          start = end;
          return line;
        }
        readChunk();
      }
    }

    /** The byte offset of the next line; -1 for a reader that cannot tell. */
    long nextLineOffset() {
      return lines != null ? -1 : offset;
    }

    @Override
    public CheckpointedPosition getCheckpointedPosition() {
      return lines != null ? null : new CheckpointedPosition(offset, 0);
    }

    private int indexOfNewline() {
      byte[] buf = buffer;
      for (int i = scanFrom; i < end; i++) {
        if (buf[i] == '\n') {
          return i;
        }
      }
      scanFrom = end;
      return -1;
    }

    private String decode(int from, int to) {
      int length = to - from;
      if (length > 0 && buffer[to - 1] == '\r') {
        length--;
      }
      return new String(buffer, from, length, charset);
    }

    private void readChunk() throws IOException {
      if (start > 0) {
        System.arraycopy(buffer, start, buffer, 0, end - start);
        end -= start;
        scanFrom -= start;
        start = 0;
      }
      if (end == buffer.length) {
        // One line longer than the buffer: it must be held whole to become a String anyway.
        buffer = Arrays.copyOf(buffer, buffer.length * 2);
      }
      int read = stream.read(buffer, end, Math.min(CHUNK_SIZE, buffer.length - end));
      if (read < 0) {
        endOfFile = true;
      } else {
        end += read;
      }
    }

    @Override
    public void close() throws IOException {
      if (lines != null) {
        lines.close();
      } else {
        stream.close();
      }
    }
  }
}
