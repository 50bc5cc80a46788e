/**
 * The data plane inside one process: channels between subtasks, record batches, input gates with
 * barrier and watermark handling, and the shuffle environment that connects them. Internal, like
 * all of spate-runtime except {@code io.spate.testing}.
 */
package io.spate.runtime.network;
