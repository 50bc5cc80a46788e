package io.spate.connectors;

import io.spate.api.connector.source.Source;
import io.spate.api.connector.source.TextSourceFactory;
import io.spate.api.fs.Path;
import io.spate.connectors.file.FileSource;
import io.spate.connectors.file.TextLineInputFormat;
import io.spate.connectors.socket.SocketTextSource;

/** Provides {@code readTextFile} with a {@link FileSource} and {@code socketTextStream} with a {@link SocketTextSource}. */
public final class BuiltInTextSourceFactory implements TextSourceFactory {

  @Override
  public Source<String, ?, ?> textFileSource(String path) {
    return FileSource.forTextLines(path).build();
  }

  @Override
  public Source<String, ?, ?> textFileSource(String path, String charsetName) {
    return FileSource.forRecordStreamFormat(new TextLineInputFormat(charsetName), new Path(path)).build();
  }

  @Override
  public Source<String, ?, ?> socketTextSource(String host, int port, String delimiter) {
    return new SocketTextSource(host, port, delimiter);
  }

  @Override
  public Source<String, ?, ?> socketTextSource(String host, int port, String delimiter, long maxRetry) {
    return new SocketTextSource(host, port, delimiter, SocketTextSource.DEFAULT_CONNECT_TIMEOUT, maxRetry);
  }
}
