package io.spate.table.connector.source;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.connector.source.Boundedness;
import io.spate.api.connector.source.Source;
import io.spate.api.types.Row;

/** A scan that runs a {@link Source} of rows. */
@PublicEvolving
public final class SourceProvider implements ScanTableSource.ScanRuntimeProvider {

  private final Source<Row, ?, ?> source;

  private SourceProvider(Source<Row, ?, ?> source) {
    this.source = source;
  }

  /** A scan that runs {@code source}. */
  public static SourceProvider of(Source<Row, ?, ?> source) {
    return new SourceProvider(source);
  }

  /** The source. */
  public Source<Row, ?, ?> createSource() {
    return source;
  }

  @Override
  public boolean isBounded() {
    return source.getBoundedness() == Boundedness.BOUNDED;
  }
}
