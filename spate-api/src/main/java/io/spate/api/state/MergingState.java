package io.spate.api.state;

import io.spate.api.annotation.PublicEvolving;

/**
 * Appending state whose contents can be merged across namespaces, as merging (session) windows
 * need.
 *
 * @param <IN> the type of added values
 * @param <OUT> the type of the read result
 */
@PublicEvolving
public interface MergingState<IN, OUT> extends AppendingState<IN, OUT> {}
