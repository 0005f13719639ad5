package io.kumo.rds.runtime.engine;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A consistent copy of a server's data directory, at {@code dir}, and what it is: the engine,
 * the position it stands for (a GTID position for MariaDB, a WAL location for PostgreSQL),
 * its size and how long it took.
 */
public record Snapshot(Engine engine, Path dir, String position, long sizeBytes, Duration took) {
}
