package io.spate.connectors.file;

import io.spate.api.connector.source.ReaderOutput;
import io.spate.api.connector.source.SourceReaderContext;
import io.spate.api.connector.source.lib.SequentialSplitReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads the lines of its file splits, UTF-8, ended by {@code \n} or {@code \r\n}; the last line
 * needs no ending. Each poll reads at most one chunk of the file and emits at most a batch of lines.
 */
final class TextLineFileReader extends SequentialSplitReader<String, FileSourceSplit> {

  static final int CHUNK_SIZE = 64 * 1024;
  static final int MAX_LINES_PER_POLL = 1024;

  private byte[] buffer = new byte[CHUNK_SIZE];
  private FileChannel channel;
  private String path;
  /** The unconsumed bytes are buffer[start, end); start is the beginning of the next line. */
  private int start;
  private int end;
  /** Where to continue looking for a line end: bytes before it in the buffer hold none. */
  private int scanFrom;
  /** The file offset of buffer[start]. */
  private long offset;
  private boolean endOfFile;

  TextLineFileReader(SourceReaderContext context) {
    super(context);
  }

  @Override
  protected void openSplit(FileSourceSplit split) throws IOException {
    path = split.path();
    try {
      channel = FileChannel.open(Path.of(path), StandardOpenOption.READ);
    } catch (IOException e) {
      throw new IOException("File source: cannot open '" + path + "': " + e, e);
    }
    channel.position(split.offset());
    offset = split.offset();
    start = 0;
    end = 0;
    scanFrom = 0;
    endOfFile = false;
  }

  @Override
  protected SplitProgress readSplit(ReaderOutput<String> output) throws IOException {
    boolean readChunk = false;
    int lines = 0;
    while (lines < MAX_LINES_PER_POLL) {
      int newline = indexOfNewline();
      if (newline >= 0) {
        emit(output, start, newline);
        offset += newline + 1 - start;
        start = newline + 1;
        scanFrom = start;
        lines++;
      } else if (endOfFile) {
        if (start < end) {
          emit(output, start, end);
          offset += end - start;
          start = end;
        }
        return SplitProgress.FINISHED;
      } else if (readChunk) {
        break;
      } else {
        readChunk();
        readChunk = true;
      }
    }
    return SplitProgress.MORE;
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

  private void emit(ReaderOutput<String> output, int from, int to) {
    int length = to - from;
    if (length > 0 && buffer[to - 1] == '\r') {
      length--;
    }
    output.collect(new String(buffer, from, length, StandardCharsets.UTF_8));
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
      byte[] larger = new byte[buffer.length * 2];
      System.arraycopy(buffer, 0, larger, 0, end);
      buffer = larger;
    }
    int read;
    try {
      read = channel.read(ByteBuffer.wrap(buffer, end, Math.min(CHUNK_SIZE, buffer.length - end)));
    } catch (IOException e) {
      throw new IOException("File source: reading '" + path + "' at byte " + (offset + end) + " failed: " + e, e);
    }
    if (read < 0) {
      endOfFile = true;
    } else {
      end += read;
    }
  }

  @Override
  protected FileSourceSplit currentSplitState() {
    return new FileSourceSplit(path, offset);
  }

  @Override
  protected void closeSplit() throws IOException {
    if (channel != null) {
      FileChannel open = channel;
      channel = null;
      open.close();
    }
    if (buffer.length > CHUNK_SIZE) {
      buffer = new byte[CHUNK_SIZE];
    }
  }
}
