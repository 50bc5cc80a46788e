/**
 * The options of a cluster process started from the command line. Internal, like all of
 * spate-runtime except {@code io.spate.testing}.
 */
package io.spate.runtime.cluster;
