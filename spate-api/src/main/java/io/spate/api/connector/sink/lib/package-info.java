/** Sinks that need no external system: print to standard output and discard. Public-evolving. */
package io.spate.api.connector.sink.lib;
