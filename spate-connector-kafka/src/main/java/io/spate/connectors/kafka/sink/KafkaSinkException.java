package io.spate.connectors.kafka.sink;

/** A failure of the Kafka sink, with a message that says what it was doing and with what. */
public final class KafkaSinkException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** A failure described by {@code message}, caused by {@code cause} (may be null). */
  public KafkaSinkException(String message, Throwable cause) {
    super(message, cause);
  }
}
