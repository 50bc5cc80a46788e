package io.spate.api.fs;

import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;

/** Reads a local file through a {@link FileChannel}, unbuffered (callers read in blocks). */
final class LocalDataInputStream extends FSDataInputStream {

  private final File file;
  private final FileChannel channel;
  private final ByteBuffer single = ByteBuffer.allocate(1);

  LocalDataInputStream(File file) throws IOException {
    this.file = file;
    try {
      this.channel = FileChannel.open(file.toPath(), StandardOpenOption.READ);
    } catch (NoSuchFileException e) {
      throw new FileNotFoundException("Cannot open '" + file + "': it does not exist");
    } catch (IOException e) {
      throw new IOException("Cannot open '" + file + "': " + e, e);
    }
  }

  @Override
  public void seek(long desired) throws IOException {
    if (desired < 0) {
      throw new IOException("Cannot seek to byte " + desired + " of '" + file + "': the position is negative");
    }
    channel.position(desired);
  }

  @Override
  public long getPos() throws IOException {
    return channel.position();
  }

  @Override
  public int read() throws IOException {
    single.clear();
    int read = channel.read(single);
    return read <= 0 ? -1 : single.get(0) & 0xFF;
  }

  @Override
  public int read(byte[] bytes, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    return channel.read(ByteBuffer.wrap(bytes, offset, length));
  }

  @Override
  public long skip(long n) throws IOException {
    if (n <= 0) {
      return 0;
    }
    long position = channel.position();
    long skipped = Math.min(n, Math.max(0, channel.size() - position));
    channel.position(position + skipped);
    return skipped;
  }

  @Override
  public int available() throws IOException {
    return (int) Math.min(Integer.MAX_VALUE, Math.max(0, channel.size() - channel.position()));
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
