/**
 * Operator state (lists, union lists) and how it is split or unioned on a restore with another
 * parallelism. Internal, like all of spate-runtime except {@code io.spate.testing}.
 */
package io.spate.runtime.state.operator;
