package io.spate.api.operators.builtin;

import io.spate.api.annotation.Internal;
import io.spate.api.functions.ReduceFunction;
import io.spate.api.typeinfo.TypeInformation;

/**
 * The operator of a rolling {@code reduce} (and {@code sum}/{@code min}/{@code max}...) on a keyed
 * stream, whose values are of {@code valueType}. Internal.
 */
@Internal
public record KeyedReduceOperatorFactory<T>(ReduceFunction<T> function, TypeInformation<T> valueType)
    implements RuntimeOperatorFactory<T> {}
