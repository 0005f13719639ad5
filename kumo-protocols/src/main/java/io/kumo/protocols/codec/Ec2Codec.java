package io.kumo.protocols.codec;

import io.kumo.core.AwsException;
import io.kumo.core.http.HttpRequest;
import io.kumo.core.http.HttpResponse;
import io.kumo.protocols.model.OperationModel;
import io.kumo.protocols.model.ServiceModel;
import io.kumo.protocols.xml.XmlWriter;

import java.util.List;
import java.util.Map;

/** The EC2 protocol: query-style requests, {@code <ActionResponse>} XML with requestId, {@code <Response><Errors>}. */
public final class Ec2Codec implements ProtocolCodec {
    private static final String XML = "text/xml;charset=UTF-8";
    private final XmlTreeWriter writer = new XmlTreeWriter(true);

    @Override
    public OperationModel operationOf(HttpRequest request, ServiceModel model) {
        String action = QueryRequests.action(QueryRequests.allParameters(request));
        if (action == null || action.isEmpty()) {
            throw new AwsException("MissingAction", "The request must contain the parameter Action", 400);
        }
        return model.operation(action).orElseThrow(() -> unknownOperation(action));
    }

    @Override
    public Map<String, Object> decodeInput(HttpRequest request, OperationModel operation) {
        ParamTree params = ParamTree.of(QueryRequests.inputParameters(QueryRequests.allParameters(request)));
        if (operation.input() == null) {
            return new java.util.LinkedHashMap<>();
        }
        Map<String, Object> input = new QueryParamDecoder(true, this).decodeStructure(operation.input(), params);
        List<String> unknown = params.unclaimed();
        if (!unknown.isEmpty()) {
            throw AwsException.badRequest("UnknownParameter", "The parameter " + unknown.getFirst() + " is not recognized");
        }
        String missing = RequiredMembers.firstMissing(operation.input(), input, "", true);
        if (missing != null) {
            throw missingParameter(missing);
        }
        return input;
    }

    @Override
    public HttpResponse encodeOutput(String requestId, ServiceModel model, OperationModel operation, Map<String, Object> output) {
        XmlWriter xml = new XmlWriter().declaration();
        xml.start(operation.name() + "Response").attribute("xmlns", namespace(model));
        xml.element("requestId", requestId);
        if (operation.output() != null && output != null) {
            writer.writeMembers(xml, operation.output(), output);
        }
        return HttpResponse.of(200, XML, xml.toParts());
    }

    @Override
    public HttpResponse encodeError(String requestId, ServiceModel model, AwsException error) {
        XmlWriter xml = new XmlWriter().declaration();
        xml.start("Response").start("Errors").start("Error")
                .element("Code", error.code())
                .element("Message", error.getMessage() == null ? "" : error.getMessage())
                .end().end()
                .element("RequestID", requestId)
                .end();
        return HttpResponse.of(error.status(), XML, xml.toBytes());
    }

    @Override
    public AwsException unknownOperation(String operationName) {
        return AwsException.badRequest("InvalidAction", "The action " + operationName + " is not valid for this web service.");
    }

    @Override
    public AwsException missingParameter(String memberPath) {
        return AwsException.badRequest("MissingParameter", "The request must contain the parameter " + memberPath);
    }

    @Override
    public AwsException invalidValue(String memberPath, String value, String expected) {
        return AwsException.badRequest("InvalidParameterValue",
                "Value (" + value + ") for parameter " + memberPath + " is invalid. Expected " + article(expected) + " " + expected + ".");
    }

    private static String article(String type) {
        return "aeiou".indexOf(type.charAt(0)) >= 0 ? "an" : "a";
    }

    private static String namespace(ServiceModel model) {
        String ns = model.metadata().xmlNamespace();
        return ns.endsWith("/") ? ns : ns + "/";
    }
}
