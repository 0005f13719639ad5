package io.kumo.route53.health;

import io.kumo.core.store.Tx;
import io.kumo.route53.support.Route53Errors;
import software.amazon.awssdk.services.route53.model.HealthCheckRegion;
import org.xbill.DNS.Address;

import java.util.List;
import java.util.Set;

/** AWS's rules for a health check's configuration, applied on create and on update to the merged result. */
final class HealthCheckRules {
    static final Set<String> ENDPOINT_TYPES = Set.of("HTTP", "HTTPS", "HTTP_STR_MATCH", "HTTPS_STR_MATCH", "TCP");
    static final int MAX_CHILDREN = 256;
    static final int MAX_TEXT = 255;

    private HealthCheckRules() {
    }

    static CheckConfig check(Tx tx, CheckConfig c) {
        if (c.type() == null) {
            throw Route53Errors.invalidInput("Missing required parameter HealthCheckConfig.Type");
        }
        if (c.calculated()) {
            return calculated(tx, c);
        }
        if (!ENDPOINT_TYPES.contains(c.type())) {
            throw Route53Errors.invalidInput("Invalid parameter: Kumo does not run health checks of type " + c.type()
                    + "; it runs HTTP, HTTPS, HTTP_STR_MATCH, HTTPS_STR_MATCH, TCP and CALCULATED");
        }
        if (c.ipAddress() == null && c.fullyQualifiedDomainName() == null) {
            throw Route53Errors.invalidInput("Invalid parameter: specify IPAddress or FullyQualifiedDomainName for a health check of type " + c.type());
        }
        if (c.ipAddress() != null && Address.toByteArray(c.ipAddress(), Address.IPv4) == null
                && Address.toByteArray(c.ipAddress(), Address.IPv6) == null) {
            throw Route53Errors.invalidInput("Invalid IP address: " + c.ipAddress());
        }
        if (c.fullyQualifiedDomainName() != null && (c.fullyQualifiedDomainName().isBlank() || c.fullyQualifiedDomainName().length() > MAX_TEXT)) {
            throw Route53Errors.invalidInput("Invalid FullyQualifiedDomainName: " + c.fullyQualifiedDomainName());
        }
        if (c.port() == null && c.type().equals("TCP")) {
            throw Route53Errors.invalidInput("Invalid parameter: Port is required for a health check of type TCP");
        }
        Integer port = c.port() != null ? c.port() : c.type().startsWith("HTTPS") ? 443 : 80;
        if (port < 1 || port > 65535) {
            throw Route53Errors.invalidInput("1 validation error detected: Value '" + port
                    + "' at 'healthCheckConfig.port' failed to satisfy constraint: Member must have value between 1 and 65535");
        }
        boolean matches = c.type().endsWith("_STR_MATCH");
        if (matches && (c.searchString() == null || c.searchString().isEmpty())) {
            throw Route53Errors.invalidInput("Invalid parameter: SearchString is required for a health check of type " + c.type());
        }
        if (!matches && c.searchString() != null) {
            throw Route53Errors.invalidInput("Invalid parameter: SearchString is only allowed for health checks of type HTTP_STR_MATCH and HTTPS_STR_MATCH");
        }
        if (c.searchString() != null && c.searchString().length() > MAX_TEXT || c.resourcePath() != null && c.resourcePath().length() > MAX_TEXT) {
            throw Route53Errors.invalidInput("Invalid parameter: SearchString and ResourcePath are at most 255 characters");
        }
        if (c.type().equals("TCP") && c.resourcePath() != null) {
            throw Route53Errors.invalidInput("Invalid parameter: ResourcePath is not allowed for a health check of type TCP");
        }
        if (c.requestInterval() != 10 && c.requestInterval() != 30) {
            throw Route53Errors.invalidInput("1 validation error detected: Value '" + c.requestInterval()
                    + "' at 'healthCheckConfig.requestInterval' failed to satisfy constraint: Member must be 10 or 30");
        }
        if (c.failureThreshold() < 1 || c.failureThreshold() > 10) {
            throw Route53Errors.invalidInput("1 validation error detected: Value '" + c.failureThreshold()
                    + "' at 'healthCheckConfig.failureThreshold' failed to satisfy constraint: Member must have value between 1 and 10");
        }
        regions(c.regions());
        Boolean sni = c.enableSni() != null ? c.enableSni() : c.type().startsWith("HTTPS") ? Boolean.TRUE : null;
        return new CheckConfig(c.type(), c.ipAddress(), port, c.resourcePath(), c.fullyQualifiedDomainName(), c.searchString(),
                c.requestInterval(), c.failureThreshold(), c.measureLatency(), c.inverted(), c.disabled(), null, List.of(), sni, c.regions());
    }

    private static CheckConfig calculated(Tx tx, CheckConfig c) {
        if (c.ipAddress() != null || c.fullyQualifiedDomainName() != null || c.port() != null || c.searchString() != null
                || c.resourcePath() != null) {
            throw Route53Errors.invalidInput("Invalid parameter: a CALCULATED health check takes ChildHealthChecks and HealthThreshold, no endpoint");
        }
        if (c.childHealthChecks().size() > MAX_CHILDREN) {
            throw Route53Errors.invalidInput("Invalid parameter: at most 256 ChildHealthChecks");
        }
        for (String child : c.childHealthChecks()) {
            if (tx.get(HealthCheckRecord.TABLE, child).isEmpty()) {
                throw Route53Errors.noSuchHealthCheck(child);
            }
        }
        int threshold = c.healthThreshold() == null ? c.childHealthChecks().size() : c.healthThreshold();
        if (threshold < 0 || threshold > MAX_CHILDREN) {
            throw Route53Errors.invalidInput("1 validation error detected: Value '" + threshold
                    + "' at 'healthCheckConfig.healthThreshold' failed to satisfy constraint: Member must have value between 0 and 256");
        }
        return new CheckConfig(c.type(), null, null, null, null, null, c.requestInterval(), c.failureThreshold(), false,
                c.inverted(), c.disabled(), threshold, c.childHealthChecks(), null, List.of());
    }

    private static void regions(List<String> regions) {
        for (String r : regions) {
            if (HealthCheckRegion.fromValue(r) == HealthCheckRegion.UNKNOWN_TO_SDK_VERSION) {
                throw Route53Errors.invalidInput("Invalid health checker region: " + r);
            }
        }
        if (!regions.isEmpty() && regions.size() < 3) {
            throw Route53Errors.invalidInput("Invalid parameter: specify at least three Regions, or none for all of them");
        }
    }
}
