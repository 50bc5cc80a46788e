/**
 * The TaskExecutor and its cooperative worker pool ({@code WorkerPool}, {@code Tasklet}, {@code
 * Waker}) that runs all tasks of a TaskManager process. Internal, like all of spate-runtime except
 * {@code io.spate.testing}.
 */
package io.spate.runtime.taskexecutor;
