/**
 * The JobMaster of one job: its execution graph, deployment, failure handling, source
 * coordination, exception history and result. Internal, like all of spate-runtime except {@code
 * io.spate.testing}.
 */
package io.spate.runtime.jobmaster;
