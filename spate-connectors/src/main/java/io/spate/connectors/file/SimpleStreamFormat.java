package io.spate.connectors.file;

import io.spate.api.configuration.Configuration;
import io.spate.api.fs.FSDataInputStream;
import io.spate.api.typeinfo.TypeInformation;
import java.io.IOException;

/**
 * A {@link StreamFormat} that reads whole files from their start; a restore seeks the stream to
 * the checkpointed offset before creating the reader.
 *
 * @param <T> the record type
 */
public abstract class SimpleStreamFormat<T> implements StreamFormat<T> {

  private static final long serialVersionUID = 1L;

  /** A reader of {@code stream} from its current position. */
  public abstract Reader<T> createReader(Configuration config, FSDataInputStream stream) throws IOException;

  @Override
  public abstract TypeInformation<T> getProducedType();

  @Override
  public final Reader<T> createReader(Configuration config, FSDataInputStream stream, long fileLen, long splitEnd)
      throws IOException {
    checkWholeFile(fileLen, splitEnd);
    return createReader(config, stream);
  }

  @Override
  public final Reader<T> restoreReader(Configuration config, FSDataInputStream stream, long restoredOffset,
      long fileLen, long splitEnd) throws IOException {
    checkWholeFile(fileLen, splitEnd);
    stream.seek(restoredOffset);
    return createReader(config, stream);
  }

  @Override
  public final boolean isSplittable() {
    return false;
  }

  private void checkWholeFile(long fileLen, long splitEnd) {
    if (splitEnd != fileLen) {
      throw new IllegalArgumentException(getClass().getSimpleName()
          + " reads whole files only, but was given a split ending at byte " + splitEnd + " of " + fileLen);
    }
  }
}
