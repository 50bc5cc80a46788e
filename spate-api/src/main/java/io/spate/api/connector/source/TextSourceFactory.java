package io.spate.api.connector.source;

import io.spate.api.annotation.Internal;

/**
 * Creates the sources behind {@code StreamExecutionEnvironment.readTextFile} and {@code
 * socketTextStream}. The spate-connectors module provides it, found through {@link
 * java.util.ServiceLoader}, so that the API keeps these two methods without depending on the
 * connectors.
 */
@Internal
public interface TextSourceFactory {

  /** A bounded source of the lines of the file at {@code path}, or of every file of that directory. */
  Source<String, ?, ?> textFileSource(String path);

  /** Like {@link #textFileSource(String)}, with lines in the charset {@code charsetName}. */
  Source<String, ?, ?> textFileSource(String path, String charsetName);

  /**
   * An unbounded, non-parallel source of the strings separated by {@code delimiter} that the TCP
   * server at {@code host:port} sends.
   */
  Source<String, ?, ?> socketTextSource(String host, int port, String delimiter);

  /**
   * Like {@link #socketTextSource(String, int, String)}, connecting again after the server closed the
   * connection, up to {@code maxRetry} times (-1: for ever).
   */
  Source<String, ?, ?> socketTextSource(String host, int port, String delimiter, long maxRetry);
}
