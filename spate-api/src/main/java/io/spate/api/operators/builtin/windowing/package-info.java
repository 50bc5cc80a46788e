/**
 * The description of the window operators that Spate's windowed-stream methods create ({@code
 * window(...)}, {@code windowAll(...)} and the joins and coGroups on windows), which the runtime
 * implements. Internal: use the DataStream methods.
 */
package io.spate.api.operators.builtin.windowing;
