/**
 * The ResourceManager: registered TaskExecutors and their slots, and the offers that fill slot
 * requests. Internal, like all of spate-runtime except {@code io.spate.testing}.
 */
package io.spate.runtime.resourcemanager;
