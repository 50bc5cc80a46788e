/**
 * The operator SPI: {@link io.spate.api.operators.StreamOperator} and its one-, two- and
 * multiple-input forms, their base classes, output, factories, timers and processing-time service,
 * for operators of one's own added with {@code transform} (see docs/operators.md).
 * Public-evolving; the constructor of {@code StreamingRuntimeContext}, which the runtime creates, is
 * internal.
 */
package io.spate.api.operators;
