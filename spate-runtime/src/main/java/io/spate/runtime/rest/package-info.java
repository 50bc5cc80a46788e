/**
 * The REST API that clusters serve and the CLI calls: job, jar, configuration and TaskManager
 * routes, authentication and TLS. Internal, like all of spate-runtime except {@code
 * io.spate.testing}.
 */
package io.spate.runtime.rest;
