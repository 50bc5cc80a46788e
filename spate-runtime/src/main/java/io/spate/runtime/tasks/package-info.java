/**
 * The task: a {@code StreamTask} runs an operator chain from its mailbox, aligns barriers and
 * snapshots its state; with the deployment descriptors and outputs around it. Internal, like all
 * of spate-runtime except {@code io.spate.testing}.
 */
package io.spate.runtime.tasks;
