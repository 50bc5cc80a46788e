/**
 * The options of a cluster process started from the command line, and what such a process tells
 * about itself (its thread dump and log files). Internal, like all of
 * spate-runtime except {@code io.spate.testing}.
 */
package io.spate.runtime.cluster;
