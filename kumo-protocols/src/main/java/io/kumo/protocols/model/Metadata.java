package io.kumo.protocols.model;

/** The service-wide facts of a model that decide how requests are routed and encoded. */
public record Metadata(
        String protocol,
        String apiVersion,
        String signingName,
        String endpointPrefix,
        String targetPrefix,
        String jsonVersion,
        String xmlNamespace,
        String serviceId,
        boolean awsQueryCompatible) {

    /** The name SigV4 credential scopes carry for this service. */
    public String scopeName() {
        return signingName != null ? signingName : endpointPrefix;
    }
}
