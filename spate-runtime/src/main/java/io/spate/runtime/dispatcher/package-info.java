/**
 * The Dispatcher: accepts jobs, starts a JobMaster for each and answers for all of them. Internal,
 * like all of spate-runtime except {@code io.spate.testing}.
 */
package io.spate.runtime.dispatcher;
