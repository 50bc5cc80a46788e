package io.spate.runtime.state.snapshot.keyed;

import io.spate.runtime.state.snapshot.UnreadableStateException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;

/**
 * Reads one block written by {@link ChecksummedBlockOutput}: the bytes of its chunks, each checked
 * against its CRC32 before any of it is returned; the block's end reads as the end of the stream.
 */
final class ChecksummedBlockInput extends InputStream {

  private final InputStream in;
  private final long remainingInStream;
  private final CRC32 crc = new CRC32();
  private byte[] chunk = new byte[0];
  private int position;
  private int limit;
  private boolean ended;
  private long consumed;

  /** Reads from {@code in}, of which at most {@code remainingInStream} bytes are left. */
  ChecksummedBlockInput(InputStream in, long remainingInStream) {
    this.in = in;
    this.remainingInStream = remainingInStream;
  }

  /** The bytes of the underlying stream read so far. */
  long consumed() {
    return consumed;
  }

  @Override
  public int read() throws IOException {
    if (!ensureData()) {
      return -1;
    }
    return chunk[position++] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (!ensureData()) {
      return -1;
    }
    int n = Math.min(len, limit - position);
    System.arraycopy(chunk, position, b, off, n);
    position += n;
    return n;
  }

  /** Whether the whole block was read, up to its end marker. */
  boolean isEnded() {
    return ended;
  }

  private boolean ensureData() throws IOException {
    while (position == limit) {
      if (ended) {
        return false;
      }
      int length = readInt("a chunk length");
      if (length == 0) {
        ended = true;
        return false;
      }
      if (length < 0 || length > remainingInStream - consumed) {
        throw new UnreadableStateException("a chunk of " + length + " bytes where the stream has "
            + (remainingInStream - consumed) + " bytes left: the stream is truncated or damaged");
      }
      if (chunk.length < length) {
        chunk = new byte[Math.max(length, ChecksummedBlockOutput.CHUNK_SIZE)];
      }
      readFully(chunk, length);
      int expected = readInt("a chunk checksum");
      crc.reset();
      crc.update(chunk, 0, length);
      if ((int) crc.getValue() != expected) {
        throw new UnreadableStateException("checksum mismatch: the bytes were changed or damaged");
      }
      position = 0;
      limit = length;
    }
    return true;
  }

  private void readFully(byte[] target, int length) throws IOException {
    int read = 0;
    while (read < length) {
      int n = in.read(target, read, length - read);
      if (n < 0) {
        throw new UnreadableStateException("the stream ends " + (length - read)
            + " bytes into a chunk: it is truncated");
      }
      read += n;
    }
    consumed += length;
  }

  private int readInt(String what) throws IOException {
    int v = 0;
    for (int i = 0; i < 4; i++) {
      int b = in.read();
      if (b < 0) {
        throw new UnreadableStateException("the stream ends where " + what + " should be: it is truncated");
      }
      v = (v << 8) | b;
    }
    consumed += 4;
    return v;
  }
}
