package io.spate.api.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Copying, reading and skipping exactly, closing every resource with failures kept, and deleting trees. */
class IOUtilsTest {

  @TempDir Path dir;

  /** Hands out at most 3 bytes per read, as a slow stream would. */
  private static InputStream trickle(byte[] bytes) {
    return new FilterInputStream(new ByteArrayInputStream(bytes)) {
      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return super.read(b, off, Math.min(3, len));
      }

      @Override
      public long skip(long n) throws IOException {
        return super.skip(Math.min(2, n));
      }
    };
  }

  @Test
  void copiesReadsAndSkipsExactly() throws Exception {
    byte[] data = new byte[10_000];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) i;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    IOUtils.copyBytes(trickle(data), out, 7, false);
    assertThat(out.toByteArray()).isEqualTo(data);
    ByteArrayOutputStream closedOut = new ByteArrayOutputStream();
    IOUtils.copyBytes(new ByteArrayInputStream(data), closedOut);
    assertThat(closedOut.toByteArray()).isEqualTo(data);

    byte[] buffer = new byte[10];
    InputStream in = trickle(data);
    IOUtils.skipFully(in, 100);
    IOUtils.readFully(in, buffer, 0, 10);
    assertThat(buffer[0]).isEqualTo((byte) 100);
    assertThat(buffer[9]).isEqualTo((byte) 109);
    assertThat(IOUtils.tryReadFully(trickle(new byte[4]), new byte[10])).isEqualTo(4);
    assertThatThrownBy(() -> IOUtils.readFully(trickle(new byte[4]), new byte[10], 0, 10))
        .isInstanceOf(IOException.class).hasMessageContaining("Premature EOF");
    assertThatThrownBy(() -> IOUtils.skipFully(trickle(new byte[4]), 10)).isInstanceOf(EOFException.class);
  }

  @Test
  void closeAllClosesEveryResourceAndThrowsTheFirstFailureWithTheOthersSuppressed() {
    List<String> closed = new ArrayList<>();
    IOException first = new IOException("first");
    IllegalStateException second = new IllegalStateException("second");
    AutoCloseable a = () -> {
      closed.add("a");
      throw first;
    };
    AutoCloseable b = () -> closed.add("b");
    AutoCloseable c = () -> {
      closed.add("c");
      throw second;
    };
    assertThatThrownBy(() -> IOUtils.closeAll(a, null, b, c)).isSameAs(first);
    assertThat(first.getSuppressed()).containsExactly(second);
    assertThat(closed).containsExactly("a", "b", "c");

    closed.clear();
    IOUtils.closeAllQuietly(a, b, c);
    IOUtils.closeQuietly(null);
    IOUtils.cleanup(null, a, b);
    IOUtils.closeStream(() -> closed.add("stream"));
    IOUtils.closeSocket(null);
    assertThat(closed).containsExactly("a", "b", "c", "a", "b", "stream");
  }

  @Test
  void closeAllIgnoresTheExceptionsOfTheGivenClass() throws Exception {
    IllegalStateException other = new IllegalStateException("other");
    AutoCloseable interrupted = () -> {
      throw new InterruptedException("ignored");
    };
    AutoCloseable failing = () -> {
      throw other;
    };
    IOUtils.closeAll(List.of(interrupted), InterruptedException.class);
    assertThatThrownBy(() -> IOUtils.closeAll(List.of(interrupted, failing), InterruptedException.class))
        .isSameAs(other);
  }

  @Test
  void deletesTreesAndFiles() throws Exception {
    Path tree = Files.createDirectories(dir.resolve("t/u/v"));
    Files.writeString(tree.resolve("f"), "x");
    Files.writeString(dir.resolve("t/g"), "y");
    IOUtils.deleteFilesRecursively(dir.resolve("t"));
    assertThat(dir.resolve("t")).doesNotExist();
    IOUtils.deleteFilesRecursively(dir.resolve("missing"));
    Path file = Files.writeString(dir.resolve("h"), "z");
    IOUtils.deleteFileQuietly(file);
    IOUtils.deleteFileQuietly(file);
    assertThat(file).doesNotExist();
  }
}
