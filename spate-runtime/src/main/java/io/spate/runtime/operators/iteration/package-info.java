/** Iterations: the head and tail operators of a loop and the feedback channel between them. */
package io.spate.runtime.operators.iteration;
