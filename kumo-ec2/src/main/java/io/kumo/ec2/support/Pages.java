package io.kumo.ec2.support;

import io.kumo.core.AwsException;
import io.kumo.core.service.OpaqueTokens;

import java.util.List;
import java.util.function.Function;

/**
 * MaxResults/NextToken pagination over a list ordered by id. The token names the last id
 * returned, so pages stay correct when resources are added or removed between calls.
 */
public final class Pages {
    private Pages() {
    }

    public record Page<T>(List<T> items, String nextToken) {
    }

    /**
     * @param min the smallest MaxResults the action accepts (EC2 commonly 5)
     * @param max the largest (commonly 1000)
     */
    public static <T> Page<T> of(List<T> ordered, Integer maxResults, String nextToken, int min, int max, Function<T, String> idOf) {
        int start = 0;
        if (nextToken != null && !nextToken.isEmpty()) {
            String after = decode(nextToken);
            start = ordered.size();
            for (int i = 0; i < ordered.size(); i++) {
                if (idOf.apply(ordered.get(i)).compareTo(after) > 0) {
                    start = i;
                    break;
                }
            }
        }
        if (maxResults == null) {
            return new Page<>(ordered.subList(start, ordered.size()), null);
        }
        if (maxResults < min || maxResults > max) {
            throw Ec2Errors.invalidParameterValue("Value ( " + maxResults + " ) for parameter maxResults is invalid. Parameter must be between "
                    + min + " and " + max + ".");
        }
        int end = Math.min(ordered.size(), start + maxResults);
        List<T> items = ordered.subList(start, end);
        String token = end < ordered.size() && !items.isEmpty() ? encode(idOf.apply(items.getLast())) : null;
        return new Page<>(items, token);
    }

    private static String encode(String lastId) {
        return OpaqueTokens.encode("after:" + lastId);
    }

    private static String decode(String token) {
        return OpaqueTokens.afterPrefix(token, "after:").orElseThrow(() ->
                AwsException.badRequest("InvalidPaginationToken", "The pagination token '" + token + "' is invalid."));
    }
}
