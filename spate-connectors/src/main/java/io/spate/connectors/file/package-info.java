/**
 * The file source ({@code readTextFile}) and the exactly-once file sink with its row encoders.
 * Public-evolving.
 */
package io.spate.connectors.file;
