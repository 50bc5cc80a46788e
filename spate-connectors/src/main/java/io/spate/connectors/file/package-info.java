/**
 * The file source ({@code readTextFile}) with its record formats (text lines, CSV, your own {@code
 * StreamFormat} or {@code BulkFormat}), and the exactly-once file sink with its encoders and rolling
 * policy. Public-evolving.
 */
package io.spate.connectors.file;
