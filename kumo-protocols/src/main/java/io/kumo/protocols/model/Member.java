package io.kumo.protocols.model;

/**
 * One member of a structure, with the traits that decide its name and place on the wire.
 *
 * @param location  null for the body, or uri, querystring, header, headers, statusCode
 */
public record Member(
        String name,
        String shapeName,
        String locationName,
        String queryName,
        String location,
        boolean flattened,
        boolean xmlAttribute,
        String xmlNamespace,
        String timestampFormat,
        boolean idempotencyToken,
        boolean jsonValue,
        ServiceModel model) {

    public Shape shape() {
        return model.shape(shapeName);
    }

    public String wireName() {
        return locationName != null ? locationName : name;
    }

    @Override
    public String toString() {
        return name + ":" + shapeName;
    }
}
