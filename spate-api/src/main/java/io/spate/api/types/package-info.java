/**
 * Value types that Flink programs use besides tuples: {@link io.spate.api.types.Row} with its
 * {@link io.spate.api.types.RowKind}, {@link io.spate.api.types.Either} and the exception for a null
 * tuple field.
 */
package io.spate.api.types;
