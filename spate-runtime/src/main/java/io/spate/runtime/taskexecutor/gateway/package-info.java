/**
 * The task executor's remote interface, which job masters and resource managers call, and the slot
 * report it sends.
 */
package io.spate.runtime.taskexecutor.gateway;
