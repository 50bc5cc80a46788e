package io.spate.api.eventtime;

import io.spate.api.annotation.Public;
import java.io.Serializable;

/**
 * A timestamp assigner that travels with its strategy to every parallel instance; the type that
 * {@code WatermarkStrategy.withTimestampAssigner((event, timestamp) -> ...)} lambdas become.
 *
 * @param <T> the record type
 */
@Public
@FunctionalInterface
public interface SerializableTimestampAssigner<T> extends TimestampAssigner<T>, Serializable {}
