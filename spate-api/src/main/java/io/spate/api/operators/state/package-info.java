/**
 * Keyed state as an operator of the SPI sees it: the keyed state backend, its per-namespace states
 * and the namespace of key-only state. Public-evolving, except the store and descriptor that only
 * the engine uses, which are internal.
 */
package io.spate.api.operators.state;
