package io.spate.api.fs;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

/** Writes a local file through a {@link FileChannel}, unbuffered (callers write in blocks). */
final class LocalDataOutputStream extends FSDataOutputStream {

  private final FileChannel channel;
  private final ByteBuffer single = ByteBuffer.allocate(1);

  LocalDataOutputStream(File file) throws IOException {
    try {
      this.channel = FileChannel.open(file.toPath(), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING);
    } catch (IOException e) {
      throw new IOException("Cannot create '" + file + "': " + e, e);
    }
  }

  @Override
  public void write(int b) throws IOException {
    single.clear();
    single.put((byte) b).flip();
    channel.write(single);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length);
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
  }

  @Override
  public long getPos() throws IOException {
    return channel.position();
  }

  @Override
  public void flush() {}

  @Override
  public void sync() throws IOException {
    channel.force(true);
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
