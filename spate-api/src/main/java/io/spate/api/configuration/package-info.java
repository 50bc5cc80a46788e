/**
 * Typed configuration: {@link io.spate.api.configuration.Configuration}, {@link
 * io.spate.api.configuration.ConfigOption}, memory sizes, and the option classes of a job (core,
 * checkpointing, state backend, restart, savepoint). The option classes a job sets are
 * public-evolving; those of the cluster processes ({@code JobManagerOptions}, {@code RestOptions},
 * {@code SecurityOptions}) are internal: set their keys in {@code conf/spate.yaml}.
 */
package io.spate.api.configuration;
