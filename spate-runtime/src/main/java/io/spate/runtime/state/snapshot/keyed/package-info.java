/**
 * The format of keyed state snapshots: checksummed blocks per key group and the meta information
 * of each state. Internal, like all of spate-runtime except {@code io.spate.testing}.
 */
package io.spate.runtime.state.snapshot.keyed;
