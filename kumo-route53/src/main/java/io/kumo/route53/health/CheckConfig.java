package io.kumo.route53.health;

import software.amazon.awssdk.services.route53.model.HealthCheckConfig;

import java.util.List;

/**
 * What a health check probes and how, with AWS's defaults filled in. Endpoint checks
 * (HTTP, HTTPS, *_STR_MATCH, TCP) name ipAddress or fullyQualifiedDomainName and a port;
 * CALCULATED ones combine childHealthChecks, healthy when at least healthThreshold are.
 */
public record CheckConfig(
        String type,
        String ipAddress,
        Integer port,
        String resourcePath,
        String fullyQualifiedDomainName,
        String searchString,
        int requestInterval,
        int failureThreshold,
        boolean measureLatency,
        boolean inverted,
        boolean disabled,
        Integer healthThreshold,
        List<String> childHealthChecks,
        Boolean enableSni,
        List<String> regions) {

    public CheckConfig {
        childHealthChecks = childHealthChecks == null ? List.of() : List.copyOf(childHealthChecks);
        regions = regions == null ? List.of() : List.copyOf(regions);
    }

    public boolean calculated() {
        return type.equals("CALCULATED");
    }

    HealthCheckConfig toSdk() {
        HealthCheckConfig.Builder b = HealthCheckConfig.builder().type(type).ipAddress(ipAddress).port(port)
                .resourcePath(resourcePath).fullyQualifiedDomainName(fullyQualifiedDomainName).searchString(searchString)
                .inverted(inverted).disabled(disabled).healthThreshold(healthThreshold).enableSNI(enableSni);
        if (!calculated()) {
            b.requestInterval(requestInterval).failureThreshold(failureThreshold).measureLatency(measureLatency);
        } else {
            b.childHealthChecks(childHealthChecks);
        }
        if (!regions.isEmpty()) {
            b.regionsWithStrings(regions);
        }
        return b.build();
    }
}
