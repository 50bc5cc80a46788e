/**
 * What every job deals with: the execution config, job ids, statuses and results, the job client,
 * side-output tags, restart strategies and the exceptions a job throws. Mostly public; the job
 * client, progress and status types and the restart strategies are public-evolving.
 */
package io.spate.api.common;
