package io.kumo.rds.engine;

import java.util.List;

/**
 * One engine RDS offers, with what differs between engines.
 *
 * @param versions        AWS's version names, oldest first
 * @param licenseModel    what DescribeDBInstances shows as LicenseModel
 * @param mostPasswordLength  the longest MasterUserPassword the engine takes
 * @param mostUsernameLength  the longest MasterUsername
 * @param mostDbNameLength    the longest DBName
 */
public record Engine(String name, String description, int defaultPort, String licenseModel, int mostPasswordLength,
                     int mostUsernameLength, int mostDbNameLength, List<Version> versions) {

    public Engine {
        versions = List.copyOf(versions);
    }

    /** @param family the parameter group family, such as mysql8.0 */
    public record Version(String version, String family, String majorVersion) {
    }

    public Version newest() {
        return versions.getLast();
    }

    public boolean isPostgres() {
        return name.equals(EngineVersions.POSTGRES);
    }
}
