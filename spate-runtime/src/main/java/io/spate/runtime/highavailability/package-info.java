/**
 * High availability with ZooKeeper: leader election and retrieval, stored job graphs and the
 * completed-checkpoint store. Internal, like all of spate-runtime except {@code io.spate.testing}.
 */
package io.spate.runtime.highavailability;
