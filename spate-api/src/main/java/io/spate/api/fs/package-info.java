/**
 * Flink's file-system names ({@link io.spate.api.fs.Path}, {@link io.spate.api.fs.FileSystem},
 * {@link io.spate.api.fs.FSDataInputStream}, ...) over the local file system, shared by the file
 * connectors and user code. Public-evolving.
 */
package io.spate.api.fs;
