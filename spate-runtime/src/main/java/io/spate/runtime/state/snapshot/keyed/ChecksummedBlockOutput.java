package io.spate.runtime.state.snapshot.keyed;

import io.spate.api.serialization.DataOutputSerializer;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.CRC32;

/**
 * Writes one block of a keyed snapshot (the header, or one key group) as chunks, each its length,
 * its bytes and their CRC32, ended by a zero length: a reader checks every chunk before it parses a
 * byte of it, and memory stays bounded by the chunk size however large the block.
 */
final class ChecksummedBlockOutput {

  static final int CHUNK_SIZE = 32 * 1024;

  private final OutputStream out;
  private final DataOutputSerializer buffer = new DataOutputSerializer(CHUNK_SIZE + 1024);
  private final CRC32 crc = new CRC32();

  ChecksummedBlockOutput(OutputStream out) {
    this.out = out;
  }

  /** Where the block's bytes go; call {@link #maybeFlush} between entries. */
  DataOutputSerializer data() {
    return buffer;
  }

  /** Writes a chunk once the buffered bytes reach the chunk size. */
  void maybeFlush() throws IOException {
    if (buffer.length() >= CHUNK_SIZE) {
      flushChunk();
    }
  }

  /** Writes what is buffered and the end of the block. */
  void finish() throws IOException {
    if (buffer.length() > 0) {
      flushChunk();
    }
    writeInt(0);
  }

  private void flushChunk() throws IOException {
    int length = buffer.length();
    crc.reset();
    crc.update(buffer.getSharedBuffer(), 0, length);
    writeInt(length);
    out.write(buffer.getSharedBuffer(), 0, length);
    writeInt((int) crc.getValue());
    buffer.clear();
  }

  private void writeInt(int v) throws IOException {
    out.write(v >>> 24);
    out.write(v >>> 16);
    out.write(v >>> 8);
    out.write(v);
  }
}
