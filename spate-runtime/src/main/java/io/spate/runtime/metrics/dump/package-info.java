/**
 * Snapshots of a process's metrics that travel from TaskManagers to the JobManager, where the REST
 * API answers metric queries from them.
 */
package io.spate.runtime.metrics.dump;
