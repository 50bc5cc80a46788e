/**
 * The child-first class loader of a job's user code. Internal, like all of spate-runtime except
 * {@code io.spate.testing}.
 */
package io.spate.runtime.classloading;
