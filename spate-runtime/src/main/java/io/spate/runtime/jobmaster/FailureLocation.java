package io.spate.runtime.jobmaster;

/**
 * Where in a job a failure happened, as far as it is known.
 *
 * @param task the task (operator chain) name
 * @param operator the operator inside the chain that threw, or null when not known
 * @param subtaskIndex the failed subtask, from 0
 * @param attempt the attempt number of that subtask
 * @param taskManager the id of the TaskExecutor the subtask ran on, or null when it was not deployed
 */
public record FailureLocation(String task, String operator, int subtaskIndex, int attempt, String taskManager)
    implements java.io.Serializable {}
