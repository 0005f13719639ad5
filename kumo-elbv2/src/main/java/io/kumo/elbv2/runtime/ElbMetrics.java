package io.kumo.elbv2.runtime;

import io.kumo.elbv2.support.Arns;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the load balancers count for CloudWatch's AWS/ApplicationELB namespace, per load balancer
 * (dimension LoadBalancer, "app/NAME/ID") and per target group (TargetGroup, "targetgroup/NAME/ID"):
 * RequestCount, HTTPCode_ELB_4XX/5XX_Count, HTTPCode_Target_2XX..5XX_Count, TargetResponseTime,
 * ActiveConnectionCount, and at each look HealthyHostCount and UnHealthyHostCount. Counters since
 * start; whoever publishes them takes differences.
 */
final class ElbMetrics {

    private static final class Counters {
        final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
        final LongAdder responseMicros = new LongAdder();
        final LongAdder responses = new LongAdder();
        final AtomicInteger activeConnections = new AtomicInteger();

        void add(String metric) {
            counts.computeIfAbsent(metric, k -> new LongAdder()).increment();
        }

        Map<String, Object> snapshot() {
            Map<String, Object> out = new TreeMap<>();
            counts.forEach((k, v) -> out.put(k, v.sum()));
            long n = responses.sum();
            if (n > 0) {
                out.put("TargetResponseTime", responseMicros.sum() / 1e6 / n);
            }
            return out;
        }
    }

    private final Map<String, Counters> byResource = new ConcurrentHashMap<>();

    void connectionOpened(String loadBalancerArn) {
        counters(loadBalancerArn).activeConnections.incrementAndGet();
    }

    void connectionClosed(String loadBalancerArn) {
        counters(loadBalancerArn).activeConnections.decrementAndGet();
    }

    /** A response the load balancer made itself (an error page, a fixed response, a redirect). */
    void answeredByLoadBalancer(String loadBalancerArn, int status) {
        Counters lb = counters(loadBalancerArn);
        lb.add("RequestCount");
        if (status >= 400) {
            lb.add("HTTPCode_ELB_" + status / 100 + "XX_Count");
        }
        if (status == 502 || status == 503 || status == 504) {
            lb.add("HTTPCode_ELB_" + status + "_Count");
        }
    }

    private static final String[] TARGET_CODES = {"HTTPCode_Target_0XX_Count", "HTTPCode_Target_1XX_Count", "HTTPCode_Target_2XX_Count",
            "HTTPCode_Target_3XX_Count", "HTTPCode_Target_4XX_Count", "HTTPCode_Target_5XX_Count"};

    /** A target's response, {@code micros} after the request went to it (a status beyond 599 counts as 5XX). */
    void answeredByTarget(String loadBalancerArn, String targetGroupArn, int status, long micros) {
        for (String resource : new String[]{loadBalancerArn, targetGroupArn}) {
            Counters c = counters(resource);
            c.add("RequestCount");
            c.add(TARGET_CODES[Math.min(Math.max(status / 100, 0), 5)]);
            c.responseMicros.add(micros);
            c.responses.increment();
        }
    }

    /** Every resource's metrics by its CloudWatch dimension, with health counts from {@code plans} and {@code health}. */
    Map<String, Object> snapshot(ElbPlans plans, HealthChecker health) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (ElbPlans.Balancer lb : plans.byDnsName().values()) {
            Map<String, Object> m = counters(lb.arn()).snapshot();
            m.put("ActiveConnectionCount", counters(lb.arn()).activeConnections.get());
            out.put("LoadBalancer=" + Arns.resource(lb.arn()), m);
        }
        for (ElbPlans.Group g : plans.groups().values()) {
            Map<String, Object> m = counters(g.arn()).snapshot();
            long healthy = g.targets().stream().filter(t -> !t.draining() && health.healthy(g.arn(), t.key())).count();
            long registered = g.targets().stream().filter(t -> !t.draining() && t.running()).count();
            m.put("HealthyHostCount", healthy);
            m.put("UnHealthyHostCount", registered - healthy);
            out.put("TargetGroup=targetgroup/" + Arns.resource(g.arn()), m);
        }
        return out;
    }

    private Counters counters(String resource) {
        return byResource.computeIfAbsent(resource, k -> new Counters());
    }
}
