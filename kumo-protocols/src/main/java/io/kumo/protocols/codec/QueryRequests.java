package io.kumo.protocols.codec;

import io.kumo.core.http.FormDecoder;
import io.kumo.core.http.HttpRequest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The parameters of an ec2 or query request: the query string merged with a form body. */
final class QueryRequests {
    /** Parameters that belong to the envelope or the signature, never to the input shape. */
    private static final Set<String> ENVELOPE = Set.of(
            "Action", "Version", "X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Date", "X-Amz-Expires",
            "X-Amz-SignedHeaders", "X-Amz-Signature", "X-Amz-Security-Token", "AWSAccessKeyId",
            "SignatureMethod", "SignatureVersion", "Signature", "Timestamp");

    private QueryRequests() {
    }

    static Map<String, List<String>> allParameters(HttpRequest request) {
        Map<String, List<String>> params = new LinkedHashMap<>(request.queryParameters());
        if (request.body().length > 0 && (request.isForm() || request.contentType().isEmpty())) {
            FormDecoder.decode(request.bodyAsString()).forEach((k, v) -> params.merge(k, v, (a, b) -> {
                a = new java.util.ArrayList<>(a);
                a.addAll(b);
                return a;
            }));
        }
        return params;
    }

    static String action(Map<String, List<String>> params) {
        List<String> action = params.get("Action");
        return action == null || action.isEmpty() ? null : action.getFirst();
    }

    static Map<String, List<String>> inputParameters(Map<String, List<String>> params) {
        Map<String, List<String>> input = new LinkedHashMap<>(params);
        input.keySet().removeAll(ENVELOPE);
        return input;
    }
}
