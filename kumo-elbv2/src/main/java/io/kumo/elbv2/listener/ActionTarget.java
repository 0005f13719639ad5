package io.kumo.elbv2.listener;

import io.kumo.elbv2.loadbalancer.LoadBalancerRecord;

/**
 * Where actions are being put: what their checks depend on (the load balancer's VPC and ARN for
 * target groups, the listener's protocol and port to tell a redirect loop).
 *
 * @param parameter the request's member, "defaultActions" or "actions", as validation messages name it
 */
record ActionTarget(LoadBalancerRecord loadBalancer, String listenerProtocol, int listenerPort, String parameter) {
}
