/**
 * Where checkpoints and savepoints are written: checkpoint storage in memory or on a file system,
 * their directory layout and state handles. Internal, like all of spate-runtime except {@code
 * io.spate.testing}.
 */
package io.spate.runtime.checkpoint.storage;
