package io.kumo.ec2.runtime.imds;

import java.util.Objects;
import java.util.Set;

/** An instance's MetadataOptions, with EC2's own value names so they pass through from the control plane unchanged. */
public record MetadataOptions(String httpTokens, String httpEndpoint, int httpPutResponseHopLimit, String instanceMetadataTags) {

    /** What EC2 gives an instance launched without MetadataOptions. */
    public static final MetadataOptions DEFAULTS = new MetadataOptions("optional", "enabled", 1, "disabled");

    public MetadataOptions {
        requireOneOf("httpTokens", httpTokens, Set.of("optional", "required"));
        requireOneOf("httpEndpoint", httpEndpoint, Set.of("enabled", "disabled"));
        requireOneOf("instanceMetadataTags", instanceMetadataTags, Set.of("enabled", "disabled"));
        if (httpPutResponseHopLimit < 1 || httpPutResponseHopLimit > 64) {
            throw new IllegalArgumentException("httpPutResponseHopLimit must be within 1..64: " + httpPutResponseHopLimit);
        }
    }

    public boolean tokensRequired() {
        return httpTokens.equals("required");
    }

    public boolean endpointEnabled() {
        return httpEndpoint.equals("enabled");
    }

    public boolean tagsExposed() {
        return instanceMetadataTags.equals("enabled");
    }

    private static void requireOneOf(String name, String value, Set<String> allowed) {
        if (!allowed.contains(Objects.requireNonNull(value, name))) {
            throw new IllegalArgumentException(name + " must be one of " + allowed + ": " + value);
        }
    }
}
