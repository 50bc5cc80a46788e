/**
 * The heap ({@code hashmap}) keyed state backend: copy-on-write state tables, states with
 * time-to-live, and asynchronous snapshots. Internal, like all of spate-runtime except {@code
 * io.spate.testing}.
 */
package io.spate.runtime.state.heap;
