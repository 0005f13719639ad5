package io.kumo.edge.route;

import io.kumo.core.AwsException;
import io.kumo.core.Ids;
import io.kumo.core.Principal;
import io.kumo.core.RequestContext;
import io.kumo.core.http.HttpRequest;
import io.kumo.core.http.HttpResponse;
import io.kumo.core.service.Handler;
import io.kumo.core.store.Store;
import io.kumo.protocols.bind.SdkBinder;
import io.kumo.protocols.codec.ProtocolCodec;
import io.kumo.protocols.model.OperationModel;
import software.amazon.awssdk.core.SdkPojo;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The request path of an AWS call: route, authenticate, decode, run the handler, encode. Every
 * failure leaves here as an error in the protocol's own envelope, never as a stack trace.
 */
public final class Dispatcher {
    private static final System.Logger LOG = System.getLogger("kumo.edge");

    private final ServiceRouter router;
    private final RequestAuthenticator authenticator;
    private final Store store;
    private final Clock clock;
    private final String defaultRegion;

    public Dispatcher(ServiceRouter router, RequestAuthenticator authenticator, Store store, Clock clock, String defaultRegion) {
        this.router = router;
        this.authenticator = authenticator;
        this.store = store;
        this.clock = clock;
        this.defaultRegion = defaultRegion;
    }

    public Outcome dispatch(HttpRequest request) {
        String requestId = Ids.requestId();
        var scope = authenticator.scopeOf(request);
        ServiceEndpoint endpoint = router.route(request, scope.map(RequestAuthenticator.Scope::service).orElse(null)).orElse(null);
        if (endpoint == null) {
            return new Outcome(UnroutableRequest.response(requestId, scope.isPresent()), "?", "?");
        }
        ProtocolCodec codec = endpoint.codec();
        String operationName = "?";
        try {
            Principal principal = authenticator.authenticate(request, endpoint);
            OperationModel operation = codec.operationOf(request, endpoint.model());
            operationName = operation.name();
            ServiceEndpoint.Binding<?, ?> binding = endpoint.binding(operation.name())
                    .orElseThrow(() -> notServed(endpoint, operation.name()));
            Map<String, Object> tree = codec.decodeInput(request, operation);
            String region = scope.map(RequestAuthenticator.Scope::region).orElse(defaultRegion);
            RequestContext ctx = new RequestContext(requestId, principal, region, endpoint.model().name(),
                    operation.name(), clock.instant(), store);
            for (Consumer<RequestContext> hook : endpoint.hooks()) {
                hook.accept(ctx);
            }
            Object output = invoke(binding, ctx, tree, operation);
            Map<String, Object> outTree = output instanceof SdkPojo pojo ? SdkBinder.toTree(pojo, operation.output()) : null;
            return new Outcome(codec.encodeOutput(requestId, endpoint.model(), operation, outTree), endpoint.model().name(), operationName);
        } catch (AwsException e) {
            return new Outcome(codec.encodeError(requestId, endpoint.model(), e), endpoint.model().name(), operationName);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "internal error in " + endpoint.model().name() + "." + operationName + " (request " + requestId + ")", e);
            AwsException internal = new AwsException("InternalError",
                    "Kumo hit an internal error; the request id " + requestId + " is in its log.", 500, false);
            return new Outcome(codec.encodeError(requestId, endpoint.model(), internal), endpoint.model().name(), operationName);
        }
    }

    /** The answer to a request whose body exceeded the limit, in the protocol of the service it was for. */
    public HttpResponse oversized(HttpRequest headersOnly, long limit) {
        String requestId = Ids.requestId();
        var scope = authenticator.scopeOf(headersOnly);
        AwsException tooLarge = new AwsException("RequestEntityTooLarge",
                "Request body is larger than the " + limit + " bytes Kumo accepts for this service.", 413);
        return router.route(headersOnly, scope.map(RequestAuthenticator.Scope::service).orElse(null))
                .map(e -> e.codec().encodeError(requestId, e.model(), tooLarge))
                .orElseGet(() -> UnroutableRequest.response(requestId, scope.isPresent()));
    }

    @SuppressWarnings("unchecked")
    private static <I, O> Object invoke(ServiceEndpoint.Binding<I, O> binding, RequestContext ctx, Map<String, Object> tree,
                                        OperationModel operation) {
        I input = SdkBinder.toPojo(binding.inputType(), tree, operation.input());
        Handler<I, O> handler = binding.handler();
        return handler.handle(ctx, input);
    }

    private static AwsException notServed(ServiceEndpoint endpoint, String operation) {
        if (endpoint.model().metadata().protocol().equals("ec2")) {
            return AwsException.badRequest("UnsupportedOperation",
                    "Kumo does not implement " + operation + " yet. Implemented: see GET /_kumo/health.");
        }
        return new AwsException("NotImplemented", "Kumo does not implement " + operation + " yet.", 501, false);
    }

    /** A response with the names the access log wants. */
    public record Outcome(HttpResponse response, String service, String operation) {
    }
}
