package io.kumo.protocols.model;

import java.util.List;

/** One operation: its HTTP binding and its input and output shapes (null when it has none). */
public record OperationModel(
        String name,
        String httpMethod,
        String requestUri,
        int responseCode,
        Shape input,
        String inputLocationName,
        String inputXmlNamespace,
        Shape output,
        String resultWrapper,
        List<String> errors) {
}
