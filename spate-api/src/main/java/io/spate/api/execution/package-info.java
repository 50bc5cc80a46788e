/**
 * Where jobs run: the executor SPI that spate-runtime implements and found through {@link
 * java.util.ServiceLoader}, job listeners and the execution target option. Executors are internal;
 * listeners and the option are public-evolving.
 */
package io.spate.api.execution;
