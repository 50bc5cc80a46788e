package io.spate.formats.parquet;

import io.spate.api.annotation.Internal;
import io.spate.api.fs.FSDataOutputStream;
import java.io.IOException;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * A bulk writer's part stream as Parquet's output file: written once, from its start, and never closed
 * by Parquet (closing the writer flushes it; the file sink closes and commits the part).
 */
@Internal
public final class PartOutputFile implements OutputFile {

  private final FSDataOutputStream out;

  /** Parquet's output file over the part file's stream {@code out}. */
  public PartOutputFile(FSDataOutputStream out) {
    this.out = out;
  }

  @Override
  public PositionOutputStream create(long blockSizeHint) {
    return new PositionOutputStream() {
      @Override
      public long getPos() throws IOException {
        return out.getPos();
      }

      @Override
      public void write(int b) throws IOException {
        out.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void flush() throws IOException {
        out.flush();
      }

      @Override
      public void close() throws IOException {
        out.flush();
      }
    };
  }

  @Override
  public PositionOutputStream createOrOverwrite(long blockSizeHint) {
    return create(blockSizeHint);
  }

  @Override
  public boolean supportsBlockSize() {
    return false;
  }

  @Override
  public long defaultBlockSize() {
    return 0;
  }
}
