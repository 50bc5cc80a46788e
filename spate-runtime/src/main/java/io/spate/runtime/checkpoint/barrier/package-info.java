/**
 * What a checkpoint is as every party sees it: the barrier that flows with the records, its
 * options and type, the job's checkpoint settings and the reasons a subtask declines one.
 */
package io.spate.runtime.checkpoint.barrier;
