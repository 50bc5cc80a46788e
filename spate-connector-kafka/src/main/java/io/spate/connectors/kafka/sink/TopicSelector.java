package io.spate.connectors.kafka.sink;

import java.io.Serializable;
import java.util.function.Function;

/**
 * Chooses the topic of each record, for a sink that writes into several topics.
 *
 * @param <IN> the record type
 */
@FunctionalInterface
public interface TopicSelector<IN> extends Function<IN, String>, Serializable {}
