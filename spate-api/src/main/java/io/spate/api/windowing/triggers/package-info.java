/**
 * Triggers that decide when a window fires and purges: event time, processing time, count,
 * continuous and purging. Public-evolving.
 */
package io.spate.api.windowing.triggers;
