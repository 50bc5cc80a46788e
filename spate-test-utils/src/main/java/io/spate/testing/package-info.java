/**
 * Test support that Spate's own modules share: {@link io.spate.testing.Await} for bounded polling and
 * {@link io.spate.testing.TestJars} for jars built at test time. Internal. (The test harnesses for
 * users' functions live in the same package in spate-runtime.)
 */
package io.spate.testing;
