package io.kumo.elbv2.runtime;

import io.kumo.core.network.InterfaceNamespaces;
import io.kumo.elbv2.listener.Action;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.HttpConversionUtil;
import io.netty.util.AsciiString;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;

import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One client connection of a load balancer: each request is matched against the listener's rules
 * and answered by the first rule's action: a fixed response, a redirect, or a forward to a target
 * (502 when the target refuses or resets, 504 when it does not answer within the idle timeout,
 * 503 when the group has no target to send to). Requests are handled one at a time per connection.
 */
final class ProxyHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    /** The load balancer a client connection counts for, from its first request on. */
    private static final AttributeKey<String> COUNTED_FOR = AttributeKey.valueOf("kumo.elb.countedFor");
    // header names as AsciiString constants: Netty hashes a String name char by char on every lookup, an AsciiString once
    private static final List<AsciiString> HOP_BY_HOP = List.of(HttpHeaderNames.CONNECTION, HttpHeaderNames.KEEP_ALIVE,
            HttpHeaderNames.PROXY_CONNECTION, HttpHeaderNames.TE, HttpHeaderNames.TRAILER, HttpHeaderNames.TRANSFER_ENCODING,
            HttpHeaderNames.UPGRADE);
    private static final AsciiString X_FORWARDED_FOR = AsciiString.cached("X-Forwarded-For");
    private static final AsciiString X_FORWARDED_PROTO = AsciiString.cached("X-Forwarded-Proto");
    private static final AsciiString X_FORWARDED_PORT = AsciiString.cached("X-Forwarded-Port");
    private static final AsciiString X_AMZN_TRACE_ID = AsciiString.cached("X-Amzn-Trace-Id");
    private static final AsciiString HTTPS = AsciiString.cached("https");
    private static final AsciiString HTTP = AsciiString.cached("http");
    /** What Netty notes of an HTTP/2 stream (x-http2-stream-id, x-http2-scheme…): it stays with the load balancer. */
    private static final List<AsciiString> HTTP2_NOTES = Arrays.stream(HttpConversionUtil.ExtensionHeaderNames.values())
            .map(HttpConversionUtil.ExtensionHeaderNames::text).toList();

    /**
     * Where the connection came in.
     *
     * @param dnsName       the load balancer for a node's own listener; null at the host's front door, where the Host header decides
     * @param listenerPort  the listener's port
     */
    record Entry(String dnsName, int listenerPort) {
        boolean frontDoor() {
            return dnsName == null;
        }
    }

    private final Entry entry;
    private final boolean tls;
    private final AtomicReference<ElbPlans> plans;
    private final InterfaceNamespaces namespaces;
    private final Upstreams upstreams;
    private final TargetChooser chooser;
    private final ElbMetrics metrics;
    private final AsciiString listenerPort;
    /** A request of this connection is being answered: the next waits (HTTP/1.1 answers in order). */
    private boolean answering;
    /** Requests a client pipelined behind the one being answered. */
    private final ArrayDeque<FullHttpRequest> pipelined = new ArrayDeque<>(2);

    ProxyHandler(Entry entry, boolean tls, AtomicReference<ElbPlans> plans, InterfaceNamespaces namespaces, Upstreams upstreams, TargetChooser chooser,
                 ElbMetrics metrics) {
        super(false);
        this.entry = entry;
        this.listenerPort = AsciiString.of(String.valueOf(entry.listenerPort()));
        this.tls = tls;
        this.plans = plans;
        this.namespaces = namespaces;
        this.upstreams = upstreams;
        this.chooser = chooser;
        this.metrics = metrics;
    }

    /**
     * Takes a request, or keeps it until the one being answered is: reading stays on, since turning it off
     * and on around each request cost two epoll_ctl calls per request; only a client that pipelines is
     * stopped, until its queue is answered.
     */
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (answering) {
            pipelined.add(request);
            ctx.channel().config().setAutoRead(false);
            return;
        }
        answering = true;
        handle(ctx, request);
    }

    private void handle(ChannelHandlerContext ctx, FullHttpRequest request) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        ElbPlans now = plans.get();
        String host = hostOf(request);
        ElbPlans.Balancer lb = now.byDnsName().get((entry.frontDoor() ? host : entry.dnsName()).toLowerCase(Locale.ROOT));
        if (lb == null && entry.frontDoor()) {
            request.release();
            respond(ctx, ElbResponses.error(HttpResponseStatus.NOT_FOUND), false);
            return;
        }
        ElbPlans.Listener listener = lb == null ? null : lb.listeners().get(entry.listenerPort());
        if (listener == null || listener.https() != tls
                || (entry.frontDoor() && (!lb.internetFacing() || !lb.hostPorts().contains(entry.listenerPort())))) {
            // as the internet sees it: nothing answers (no listener, not this protocol, an internal scheme, or security groups
            // that drop the host)
            request.release();
            ctx.close();
            return;
        }
        countConnection(ctx, lb.arn());
        String source = ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress().getHostAddress();
        String sourceIp = entry.frontDoor() ? io.kumo.core.network.HostAddress.AS_SEEN_FROM_VPCS : source;
        // most listeners forward everything: the request's facts are gathered only when a rule looks at them
        RequestFacts facts = everyRuleUnconditional(listener.rules()) ? null : facts(request, host, sourceIp);
        Action action = firstAction(listener.rules(), facts);
        if (action == null) {
            request.release();
            answer(ctx, lb, ElbResponses.error(HttpResponseStatus.SERVICE_UNAVAILABLE), keepAlive);
            return;
        }
        switch (action.type()) {
            case "fixed-response" -> {
                request.release();
                answer(ctx, lb, ElbResponses.fixed(action.fixedResponse()), keepAlive);
            }
            case "redirect" -> {
                QueryStringDecoder uri = new QueryStringDecoder(request.uri());
                request.release();
                answer(ctx, lb, ElbResponses.redirect(action.redirect(), new RedirectTarget.Request(tls ? "https" : "http", host, entry.listenerPort(),
                        uri.rawPath(), uri.rawQuery())), keepAlive);
            }
            default -> forward(ctx, request, keepAlive, lb, action.forward(), sourceIp);
        }
    }

    private static RequestFacts facts(FullHttpRequest request, String host, String sourceIp) {
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        return new RequestFacts(host, uri.rawPath(), request.method().name(), headers(request.headers()), query(uri), sourceIp);
    }

    private static boolean everyRuleUnconditional(List<ElbPlans.Rule> rules) {
        for (ElbPlans.Rule r : rules) {
            if (!r.conditions().isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** The lowest-ordered action of the first rule that matches (rules come in priority order, the default last); null if none. */
    private static Action firstAction(List<ElbPlans.Rule> rules, RequestFacts facts) {
        for (ElbPlans.Rule r : rules) {
            if (r.conditions().isEmpty() || RuleMatcher.matches(r.conditions(), facts)) {
                Action first = null;
                for (Action a : r.actions()) {
                    if (first == null || order(a) < order(first)) {
                        first = a;
                    }
                }
                return first;
            }
        }
        return null;
    }

    private static int order(Action a) {
        return a.order() == null ? Integer.MAX_VALUE : a.order();
    }

    private void forward(ChannelHandlerContext ctx, FullHttpRequest request, boolean keepAlive, ElbPlans.Balancer lb, Action.Forward forward,
                         String sourceIp) {
        boolean groupSticky = forward.stickinessEnabled() && forward.targetGroups().size() > 1;
        Optional<String> stuckGroup = groupSticky
                ? Stickiness.groupStuckTo(forward, request.headers().get(HttpHeaderNames.COOKIE))
                        .filter(arn -> forward.targetGroups().stream().anyMatch(g -> g.targetGroupArn().equals(arn)
                                && (g.weight() == null || g.weight() > 0)))
                : Optional.empty();
        ElbPlans.Group group = stuckGroup.or(() -> TargetChooser.group(forward)).map(arn -> plans.get().groups().get(arn)).orElse(null);
        if (group == null) {
            request.release();
            answer(ctx, lb, ElbResponses.error(HttpResponseStatus.SERVICE_UNAVAILABLE), keepAlive);
            return;
        }
        prepare(ctx, request, sourceIp);
        send(ctx, request, keepAlive, lb, group, Set.of(), groupSticky ? Stickiness.groupCookies(forward, group.arn()) : List.of());
    }

    /**
     * Sends to a target; a target that refuses the connection (nothing of the request has left
     * yet) makes way for another, once, as a stopped instance may until the next plan.
     */
    private void send(ChannelHandlerContext ctx, FullHttpRequest request, boolean keepAlive, ElbPlans.Balancer lb, ElbPlans.Group group,
                      Set<String> refused, List<String> groupCookies) {
        boolean sticky = Stickiness.enabled(group);
        Optional<ElbPlans.Target> target = chooser.target(group, lb.zones(), refused,
                sticky ? Stickiness.stuckTo(group, request.headers().get(HttpHeaderNames.COOKIE)) : Optional.empty());
        ElbPlans.Node node = target.map(group::nodeFor).orElse(null);
        Optional<String> ns = node == null ? Optional.empty() : namespaces.namespaceOf(node.interfaceId());
        if (ns.isEmpty()) {
            request.release();
            answer(ctx, lb, ElbResponses.error(refused.isEmpty() ? HttpResponseStatus.SERVICE_UNAVAILABLE : HttpResponseStatus.BAD_GATEWAY),
                    keepAlive);
            return;
        }
        Promise<FullHttpResponse> answer = ctx.executor().newPromise();
        long sentAt = System.nanoTime();
        AtomicInteger inFlight = chooser.started(group, target.get());
        request.retain();
        answer.addListener((Future<FullHttpResponse> done) -> {
            inFlight.decrementAndGet();
            if (done.isSuccess()) {
                request.release();
                FullHttpResponse response = done.getNow();
                response.setProtocolVersion(HttpVersion.HTTP_1_1);
                removeAll(response.headers(), HOP_BY_HOP);
                if (sticky) {
                    Stickiness.cookies(group, target.get()).forEach(c -> response.headers().add(HttpHeaderNames.SET_COOKIE, c));
                }
                groupCookies.forEach(c -> response.headers().add(HttpHeaderNames.SET_COOKIE, c));
                metrics.answeredByTarget(lb.arn(), group.arn(), response.status().code(), (System.nanoTime() - sentAt) / 1000);
                respond(ctx, response, keepAlive);
            } else if (done.cause() instanceof java.net.ConnectException && refused.isEmpty()) {
                send(ctx, request, keepAlive, lb, group, Set.of(target.get().key()), groupCookies);
            } else {
                request.release();
                answer(ctx, lb, ElbResponses.error(done.cause() instanceof Upstreams.TargetTimeout ? HttpResponseStatus.GATEWAY_TIMEOUT
                        : HttpResponseStatus.BAD_GATEWAY), keepAlive);
            }
        });
        upstreams.send(ctx.channel().eventLoop(), ns.get(), target.get().ip(), target.get().port(), request, lb.idleTimeoutSeconds(), answer);
    }

    /** The request as the target gets it: Host kept, hop-by-hop headers dropped, ALB's X-Forwarded-* and trace id added. */
    private void prepare(ChannelHandlerContext ctx, FullHttpRequest request, String sourceIp) {
        HttpHeaders h = request.headers();
        removeAll(h, HOP_BY_HOP);
        if (ctx.channel() instanceof Http2StreamChannel) {
            removeAll(h, HTTP2_NOTES);
        }
        String forwardedFor = h.get(X_FORWARDED_FOR);
        h.set(X_FORWARDED_FOR, forwardedFor == null || forwardedFor.isBlank() ? sourceIp : forwardedFor + ", " + sourceIp);
        h.set(X_FORWARDED_PROTO, tls ? HTTPS : HTTP);
        h.set(X_FORWARDED_PORT, listenerPort);
        if (!h.contains(X_AMZN_TRACE_ID)) {
            h.set(X_AMZN_TRACE_ID, TraceIds.next());
        }
        HttpUtil.setKeepAlive(request, true);
    }

    private static void removeAll(HttpHeaders headers, List<AsciiString> names) {
        for (AsciiString name : names) {
            headers.remove(name);
        }
    }

    /** A response the load balancer makes itself, counted as such. */
    private void answer(ChannelHandlerContext ctx, ElbPlans.Balancer lb, FullHttpResponse response, boolean keepAlive) {
        metrics.answeredByLoadBalancer(lb.arn(), response.status().code());
        respond(ctx, response, keepAlive);
    }

    private void respond(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive) {
        HttpUtil.setKeepAlive(response, keepAlive);
        var written = ctx.writeAndFlush(response);
        if (keepAlive) {
            written.addListener(f -> answered(ctx));
        } else {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** The answer is out: the next pipelined request, if any, else reading again if a pipeline stopped it. */
    private void answered(ChannelHandlerContext ctx) {
        FullHttpRequest next = pipelined.poll();
        if (next != null) {
            handle(ctx, next);
            return;
        }
        answering = false;
        if (!ctx.channel().config().isAutoRead()) {
            ctx.channel().config().setAutoRead(true);
        }
    }

    /** The connection is gone (a closed channel's pipeline is torn down): what it pipelined goes with it. */
    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        FullHttpRequest r;
        while ((r = pipelined.poll()) != null) {
            r.release();
        }
    }

    private static String hostOf(FullHttpRequest request) {
        String host = request.headers().get(HttpHeaderNames.HOST, "");
        int colon = host.lastIndexOf(':');
        return colon > 0 && !host.endsWith("]") ? host.substring(0, colon) : host;
    }

    private static Map<String, List<String>> headers(HttpHeaders headers) {
        Map<String, List<String>> out = new HashMap<>();
        for (Map.Entry<String, String> h : headers) {
            out.computeIfAbsent(h.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(h.getValue());
        }
        return out;
    }

    private static List<Map.Entry<String, String>> query(QueryStringDecoder uri) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        uri.parameters().forEach((k, values) -> values.forEach(v -> out.add(Map.entry(k, v))));
        return out;
    }

    /**
     * Counts the client's connection for the load balancer once, from its first request until it
     * closes: an HTTP/2 connection carries its requests on stream channels, each with its own
     * handler, but it is one connection (ActiveConnectionCount).
     */
    private void countConnection(ChannelHandlerContext ctx, String loadBalancerArn) {
        // (an accepted TCP channel's parent is the listening one: only a stream's parent is its connection)
        Channel connection = ctx.channel() instanceof Http2StreamChannel stream ? stream.parent() : ctx.channel();
        if (connection.attr(COUNTED_FOR).setIfAbsent(loadBalancerArn) == null) {
            metrics.connectionOpened(loadBalancerArn);
            connection.closeFuture().addListener(closed -> metrics.connectionClosed(loadBalancerArn));
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
