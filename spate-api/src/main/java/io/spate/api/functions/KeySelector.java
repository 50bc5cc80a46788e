package io.spate.api.functions;

/** Extracts the key of a record; equal keys must come from records that belong together. */
@FunctionalInterface
public interface KeySelector<IN, KEY> extends Function {
  /** The key of {@code value}; must be deterministic. */
  KEY getKey(IN value) throws Exception;
}
