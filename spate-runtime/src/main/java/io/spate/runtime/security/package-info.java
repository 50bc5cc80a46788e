/**
 * TLS settings and key stores, and the shared secret that authenticates cluster processes to each
 * other. Internal, like all of spate-runtime except {@code io.spate.testing}.
 */
package io.spate.runtime.security;
