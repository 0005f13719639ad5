package io.kumo.elbv2.listener;

import java.util.List;

/**
 * A rule's condition.
 *
 * @param field        host-header, path-pattern, http-header, http-request-method, query-string or source-ip
 * @param values       the patterns, methods or CIDRs (whether given as Values or in the field's config)
 * @param headerName   for http-header
 * @param queryStrings for query-string: key (null for any key) and value patterns
 */
public record Condition(String field, List<String> values, String headerName, List<KeyValue> queryStrings) {

    public Condition {
        values = values == null ? List.of() : List.copyOf(values);
        queryStrings = queryStrings == null ? List.of() : List.copyOf(queryStrings);
    }

    public record KeyValue(String key, String value) {
    }
}
