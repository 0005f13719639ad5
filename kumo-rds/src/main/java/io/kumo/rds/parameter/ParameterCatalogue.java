package io.kumo.rds.parameter;

import io.kumo.rds.engine.EngineVersions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The parameters of one parameter group family, sorted by name. The data lives in one resource
 * per engine ({@code mysql.params}, {@code mariadb.params}, {@code postgres.params}): one
 * parameter a line, fields separated by '|', the families column saying which families have it.
 */
public final class ParameterCatalogue {
    private static final Map<String, ParameterCatalogue> BY_FAMILY = new ConcurrentHashMap<>();

    private final String family;
    private final List<CatalogueParameter> parameters;

    private ParameterCatalogue(String family, List<CatalogueParameter> parameters) {
        this.family = family;
        this.parameters = List.copyOf(parameters);
    }

    /** The family's catalogue, or empty for a family RDS (here) does not have. */
    public static Optional<ParameterCatalogue> forFamily(String family) {
        if (family == null || !EngineVersions.families().contains(family)) {
            return Optional.empty();
        }
        return Optional.of(BY_FAMILY.computeIfAbsent(family, ParameterCatalogue::load));
    }

    public String family() {
        return family;
    }

    public List<CatalogueParameter> parameters() {
        return parameters;
    }

    public Optional<CatalogueParameter> find(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    private static ParameterCatalogue load(String family) {
        String engine = EngineVersions.engineOfFamily(family).orElseThrow().name();
        String resource = engine + ".params";
        List<CatalogueParameter> out = new ArrayList<>();
        try (InputStream in = ParameterCatalogue.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    parse(line, family).ifPresent(out::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.sort((a, b) -> a.name().compareTo(b.name()));
        return new ParameterCatalogue(family, Collections.unmodifiableList(out));
    }

    private static Optional<CatalogueParameter> parse(String line, String family) {
        String[] f = line.split("\\|", -1);
        if (f.length != 8) {
            throw new IllegalStateException("a parameter line has 8 fields: " + line);
        }
        boolean inFamily = f[6].equals("*") || Arrays.asList(f[6].split(",")).contains(family);
        if (!inFamily) {
            return Optional.empty();
        }
        return Optional.of(new CatalogueParameter(f[0], f[1], f[2], f[3], f[4].isEmpty() ? null : f[4], Boolean.parseBoolean(f[5]), f[7]));
    }
}
