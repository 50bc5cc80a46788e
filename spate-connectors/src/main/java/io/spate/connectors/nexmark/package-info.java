/**
 * The Nexmark benchmark's events ({@code Person}, {@code Auction}, {@code Bid}) and {@link
 * io.spate.connectors.nexmark.NexmarkSource}, which generates them in parallel from a {@link
 * io.spate.connectors.nexmark.NexmarkConfiguration}. Public-evolving: for benchmarks, examples and
 * tests of jobs; the generator, splits and reader behind the source are internal.
 */
package io.spate.connectors.nexmark;
