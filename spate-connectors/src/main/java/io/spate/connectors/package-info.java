/**
 * The {@link java.util.ServiceLoader} provider that gives {@code StreamExecutionEnvironment.readTextFile}
 * and {@code socketTextStream} their sources when this module is on the class path. Internal: call
 * those methods instead.
 */
package io.spate.connectors;
