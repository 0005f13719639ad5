package io.kumo.elbv2.listener;

import java.util.List;

/**
 * A listener's or rule's action.
 *
 * @param type           "forward", "redirect" or "fixed-response"
 * @param order          1 to 50000, or null when given without
 * @param targetGroupArn for a forward to one target group, as given; null otherwise
 * @param forward        for a forward, always set (one target group of weight 1 when given as targetGroupArn)
 */
public record Action(String type, Integer order, String targetGroupArn, Forward forward, Redirect redirect, FixedResponse fixedResponse) {

    public record Forward(List<WeightedTargetGroup> targetGroups, boolean stickinessEnabled, Integer stickinessDurationSeconds) {
        public Forward {
            targetGroups = List.copyOf(targetGroups);
        }
    }

    public record WeightedTargetGroup(String targetGroupArn, Integer weight) {
    }

    /** Each part as given ("#{host}" and the like stay until a request fills them in). */
    public record Redirect(String protocol, String port, String host, String path, String query, String statusCode) {
    }

    public record FixedResponse(String messageBody, String statusCode, String contentType) {
    }

    /** The target groups this action sends traffic to. */
    public List<String> targetGroupArns() {
        return forward == null ? List.of() : forward.targetGroups().stream().map(WeightedTargetGroup::targetGroupArn).toList();
    }
}
