package io.spate.table.connector.source;

import io.spate.api.annotation.PublicEvolving;

/** A table's source, made by a {@code DynamicTableSourceFactory} from the table's {@code WITH} options. */
@PublicEvolving
public interface DynamicTableSource {

  /** A short description for plans and messages, such as {@code datagen}. */
  String asSummaryString();
}
