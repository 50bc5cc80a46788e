package io.spate.table.connector.format;

import io.spate.api.annotation.PublicEvolving;
import io.spate.table.connector.ChangelogMode;

/**
 * A format of a table's records ({@code csv}, {@code json}, ...), which a connector that reads or
 * writes bytes (filesystem, kafka) uses for the table's physical columns.
 */
@PublicEvolving
public interface Format {

  /** The kinds of changes the format can carry; a plain record format carries only inserts. */
  ChangelogMode getChangelogMode();
}
