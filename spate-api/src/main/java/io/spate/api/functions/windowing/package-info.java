/**
 * Functions over the records of a window, keyed or not: the simple window functions are public,
 * the process window functions (with window state and side outputs) and delta functions are
 * public-evolving.
 */
package io.spate.api.functions.windowing;
