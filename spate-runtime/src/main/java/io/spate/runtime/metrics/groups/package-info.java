/**
 * The metric groups of each scope (job manager, job manager job, task manager, task manager job,
 * task, operator) that the runtime registers its metrics in and hands to user functions. Internal.
 */
package io.spate.runtime.metrics.groups;
