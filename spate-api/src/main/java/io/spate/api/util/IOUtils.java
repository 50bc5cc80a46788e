package io.spate.api.util;

import io.spate.api.annotation.PublicEvolving;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;

/** Copying, reading fully, skipping and closing of streams and other resources. */
@PublicEvolving
public final class IOUtils {

  private static final int BLOCKSIZE = 4096;

  private IOUtils() {}

  /**
   * Copies {@code in} to {@code out} through a buffer of {@code buffSize} bytes; closes both at the
   * end (also after a failure) if {@code close}.
   */
  public static void copyBytes(InputStream in, OutputStream out, int buffSize, boolean close) throws IOException {
    if (buffSize < 1) {
      throw new IllegalArgumentException("The buffer size must be positive, but is " + buffSize);
    }
    try {
      byte[] buffer = new byte[buffSize];
      for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
        out.write(buffer, 0, read);
      }
    } finally {
      if (close) {
        try {
          out.close();
        } finally {
          in.close();
        }
      }
    }
  }

  /** Copies {@code in} to {@code out} and closes both. */
  public static void copyBytes(InputStream in, OutputStream out) throws IOException {
    copyBytes(in, out, BLOCKSIZE, true);
  }

  /** Copies {@code in} to {@code out}; closes both if {@code close}. */
  public static void copyBytes(InputStream in, OutputStream out, boolean close) throws IOException {
    copyBytes(in, out, BLOCKSIZE, close);
  }

  /** Reads exactly {@code len} bytes into {@code buf} at {@code off}; fails at the end of the stream. */
  public static void readFully(InputStream in, byte[] buf, int off, int len) throws IOException {
    int toRead = len;
    while (toRead > 0) {
      int read = in.read(buf, off, toRead);
      if (read < 0) {
        throw new IOException("Premature EOF from inputStream: " + toRead + " of " + len + " bytes not read");
      }
      toRead -= read;
      off += read;
    }
  }

  /** Reads until {@code buf} is full or the stream ends; the number of bytes read. */
  public static int tryReadFully(InputStream in, byte[] buf) throws IOException {
    int total = 0;
    while (total < buf.length) {
      int read = in.read(buf, total, buf.length - total);
      if (read < 0) {
        break;
      }
      total += read;
    }
    return total;
  }

  /** Skips exactly {@code len} bytes; fails at the end of the stream. */
  public static void skipFully(InputStream in, long len) throws IOException {
    long remaining = len;
    while (remaining > 0) {
      long skipped = in.skip(remaining);
      if (skipped <= 0) {
        if (in.read() < 0) {
          throw new EOFException("Premature EOF from inputStream after skipping " + (len - remaining) + " byte(s).");
        }
        skipped = 1;
      }
      remaining -= skipped;
    }
  }

  /** Closes every resource, logging a failure at debug level to {@code log} (if not null) and going on. */
  public static void cleanup(Logger log, AutoCloseable... closeables) {
    for (AutoCloseable closeable : closeables) {
      if (closeable != null) {
        try {
          closeable.close();
        } catch (Exception e) {
          if (log != null && log.isDebugEnabled()) {
            log.debug("Exception in closing " + closeable, e);
          }
        }
      }
    }
  }

  /** Closes {@code stream}, ignoring a failure. */
  public static void closeStream(Closeable stream) {
    cleanup(null, stream);
  }

  /** Closes {@code socket}, ignoring a failure. */
  public static void closeSocket(Socket socket) {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // a socket that fails to close is gone anyway
      }
    }
  }

  /** Closes every resource, then throws the first failure with the later ones suppressed in it. */
  public static void closeAll(AutoCloseable... closeables) throws Exception {
    closeAll(Arrays.asList(closeables));
  }

  /** Closes every resource, then throws the first failure with the later ones suppressed in it. */
  public static void closeAll(Iterable<? extends AutoCloseable> closeables) throws Exception {
    closeAll(closeables, Exception.class, false);
  }

  /**
   * Closes every resource, ignoring failures of class {@code suppressedException}; then throws the
   * first other failure with the later ones suppressed in it.
   */
  public static <T extends Throwable> void closeAll(Iterable<? extends AutoCloseable> closeables,
      Class<T> suppressedException) throws Exception {
    closeAll(closeables, suppressedException, true);
  }

  private static void closeAll(Iterable<? extends AutoCloseable> closeables, Class<? extends Throwable> ignored,
      boolean ignore) throws Exception {
    if (closeables == null) {
      return;
    }
    Exception first = null;
    for (AutoCloseable closeable : closeables) {
      if (closeable == null) {
        continue;
      }
      try {
        closeable.close();
      } catch (Exception e) {
        if (ignore && ignored.isInstance(e)) {
          continue;
        }
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  /** Closes every resource, ignoring failures. */
  public static void closeAllQuietly(AutoCloseable... closeables) {
    closeAllQuietly(Arrays.asList(closeables));
  }

  /** Closes every resource, ignoring failures. */
  public static void closeAllQuietly(Iterable<? extends AutoCloseable> closeables) {
    if (closeables != null) {
      for (AutoCloseable closeable : closeables) {
        closeQuietly(closeable);
      }
    }
  }

  /** Closes {@code closeable} (if not null), ignoring a failure. */
  public static void closeQuietly(AutoCloseable closeable) {
    if (closeable != null) {
      try {
        closeable.close();
      } catch (Throwable ignored) {
        // quietly, as asked
      }
    }
  }

  /** Deletes {@code path}: a file, or a directory with everything in it. */
  public static void deleteFilesRecursively(Path path) throws Exception {
    if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    List<Path> all;
    try (Stream<Path> walk = Files.walk(path)) {
      all = walk.sorted(Comparator.reverseOrder()).toList();
    }
    for (Path p : all) {
      Files.delete(p);
    }
  }

  /** Deletes the file {@code path}, ignoring a failure. */
  public static void deleteFileQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException | RuntimeException ignored) {
      // quietly, as asked
    }
  }
}
