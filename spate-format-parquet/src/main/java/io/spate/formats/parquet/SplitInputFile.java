package io.spate.formats.parquet;

import io.spate.api.annotation.Internal;
import io.spate.api.fs.FSDataInputStream;
import java.io.IOException;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/** A file source's stream of one file as Parquet's input file. */
@Internal
public final class SplitInputFile implements InputFile {

  private final FSDataInputStream in;
  private final long length;

  /** Parquet's input file over the stream {@code in} of a file of {@code length} bytes. */
  public SplitInputFile(FSDataInputStream in, long length) {
    this.in = in;
    this.length = length;
  }

  /** How Parquet's messages name the file; the source adds its path. */
  @Override
  public String toString() {
    return "the file";
  }

  @Override
  public long getLength() {
    return length;
  }

  @Override
  public SeekableInputStream newStream() {
    return new DelegatingSeekableInputStream(in) {
      @Override
      public long getPos() throws IOException {
        return in.getPos();
      }

      @Override
      public void seek(long newPos) throws IOException {
        in.seek(newPos);
      }
    };
  }
}
