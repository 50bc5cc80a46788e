package io.spate.connectors.kafka.sink;

import java.io.Serializable;
import org.apache.kafka.common.header.Headers;

/**
 * Gives the Kafka headers of each record.
 *
 * @param <IN> the record type
 */
@FunctionalInterface
public interface HeaderProvider<IN> extends Serializable {

  /** The headers to write with {@code input}. */
  Headers getHeaders(IN input);
}
