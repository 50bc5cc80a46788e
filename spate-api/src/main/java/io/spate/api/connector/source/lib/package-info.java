/**
 * Sources that need no external system, behind {@code fromElements} and {@code fromSequence}, and
 * the reader and split bases they share. The two sources and their split are public-evolving; the
 * bases are internal.
 */
package io.spate.api.connector.source.lib;
