/**
 * Accumulators: values that parallel instances of a function add to while a job runs ({@link
 * io.spate.api.accumulators.IntCounter}, {@link io.spate.api.accumulators.Histogram}, {@link
 * io.spate.api.accumulators.ListAccumulator}, ...), merged over all subtasks when the job ends and
 * read from its {@link io.spate.api.common.JobExecutionResult}. A function registers one with {@code
 * getRuntimeContext().addAccumulator(name, accumulator)}.
 */
package io.spate.api.accumulators;
