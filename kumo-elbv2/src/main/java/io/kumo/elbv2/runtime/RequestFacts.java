package io.kumo.elbv2.runtime;

import java.util.List;
import java.util.Map;

/**
 * What rules look at in a request.
 *
 * @param host     the Host header without its port
 * @param path     the path, without the query string, as sent (not decoded)
 * @param headers  by lower-case name
 * @param query    decoded query parameters, in order
 * @param sourceIp the client's address as the load balancer sees it (X-Forwarded-For is not looked at)
 */
record RequestFacts(String host, String path, String method, Map<String, List<String>> headers, List<Map.Entry<String, String>> query,
                    String sourceIp) {
}
