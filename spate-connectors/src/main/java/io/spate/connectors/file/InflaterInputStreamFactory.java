package io.spate.connectors.file;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;

/**
 * Creates the stream that decompresses a file of one compression format, known by its file
 * extensions.
 *
 * @param <T> the decompressing stream type
 */
public interface InflaterInputStreamFactory<T extends InputStream> {

  /** The stream of the decompressed bytes of {@code in}. */
  T create(InputStream in) throws IOException;

  /** The file extensions of the format, without the dot ({@code gz}). */
  Collection<String> getCommonFileExtensions();
}
