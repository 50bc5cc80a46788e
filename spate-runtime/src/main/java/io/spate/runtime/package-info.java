/**
 * What the runtime's packages share: the Spate version, TaskManager options and file helpers.
 * Internal, like all of spate-runtime except {@code io.spate.testing}.
 */
package io.spate.runtime;
