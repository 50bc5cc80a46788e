/**
 * Evictors that remove records from a window before or after its function runs: by count, time or
 * delta. Public-evolving.
 */
package io.spate.api.windowing.evictors;
