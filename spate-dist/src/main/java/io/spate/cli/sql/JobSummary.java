package io.spate.cli.sql;

import java.time.Instant;

/** One line of {@code SHOW JOBS}: a job of the session's cluster. */
record JobSummary(String id, String name, String status, Instant startTime) {}
