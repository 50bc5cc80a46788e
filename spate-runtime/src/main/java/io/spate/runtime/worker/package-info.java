/**
 * Cooperative worker threads: a task executor's pool of workers that step {@code Tasklet}s, the
 * wakers that ask for another step and the back-off of an idle worker.
 */
package io.spate.runtime.worker;
