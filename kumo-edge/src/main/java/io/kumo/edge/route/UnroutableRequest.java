package io.kumo.edge.route;

import io.kumo.core.http.HttpResponse;
import io.kumo.protocols.xml.XmlWriter;

/** The answer when Kumo cannot tell which AWS service a request is for. */
final class UnroutableRequest {
    private UnroutableRequest() {
    }

    static HttpResponse response(String requestId, boolean signed) {
        String code = signed ? "UnknownService" : "MissingAuthenticationToken";
        String message = signed
                ? "Kumo does not serve the service named in this request's credential scope."
                : "Request is missing Authentication Token";
        XmlWriter xml = new XmlWriter().declaration();
        xml.start("ErrorResponse").start("Error")
                .element("Type", "Sender").element("Code", code).element("Message", message)
                .end().element("RequestId", requestId).end();
        return HttpResponse.of(signed ? 400 : 403, "text/xml", xml.toBytes());
    }
}
