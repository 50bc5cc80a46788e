/** The metric groups of connectors (FLIP-33): what a source reader and a sink writer report. */
package io.spate.api.metrics.groups;
