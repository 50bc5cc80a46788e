/**
 * Timer queues: the timers of a keyed operator ordered by time, on the heap or in a state backend,
 * and the timer entry itself.
 */
package io.spate.runtime.timers;
