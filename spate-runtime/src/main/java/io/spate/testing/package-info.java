/**
 * Test harnesses that run one user function without a cluster, with full control over records,
 * watermarks and processing time: start from {@link io.spate.testing.TestHarnesses} (see
 * docs/testing.md). Public-evolving, unlike the rest of spate-runtime.
 */
package io.spate.testing;
