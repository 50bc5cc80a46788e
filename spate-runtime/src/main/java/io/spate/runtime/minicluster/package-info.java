/**
 * The embedded cluster that runs jobs in one JVM, with the executor that {@code execute()} finds
 * by default. Tests of jobs may start a {@code MiniCluster} directly (docs/testing.md), but its
 * construction may change in any release. Internal, like all of spate-runtime except {@code
 * io.spate.testing}.
 */
package io.spate.runtime.minicluster;
