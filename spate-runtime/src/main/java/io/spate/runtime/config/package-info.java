/**
 * The cluster's configuration file ({@code conf/spate.yaml}), the effective configuration and the
 * generated option table of docs/configuration.md. Internal, like all of spate-runtime except
 * {@code io.spate.testing}.
 */
package io.spate.runtime.config;
