/**
 * Who runs and how it went: execution attempt ids, the states of an execution and a task's
 * reported state. Shared by tasks, task executors, job masters, checkpoints and REST.
 */
package io.spate.runtime.execution;
