package io.kumo.protocols.codec;

import io.kumo.core.AwsException;
import io.kumo.core.http.HttpRequest;
import io.kumo.core.http.HttpResponse;
import io.kumo.protocols.model.OperationModel;
import io.kumo.protocols.model.ServiceModel;
import io.kumo.protocols.xml.XmlWriter;

import java.util.LinkedHashMap;
import java.util.Map;

/** The AWS query protocol (STS, IAM, ELBv2, RDS, SNS): form requests, {@code <XResponse><XResult>} XML. */
public final class QueryCodec implements ProtocolCodec {
    private static final String XML = "text/xml";
    private final XmlTreeWriter writer = new XmlTreeWriter(false);

    @Override
    public OperationModel operationOf(HttpRequest request, ServiceModel model) {
        String action = QueryRequests.action(QueryRequests.allParameters(request));
        if (action == null || action.isEmpty()) {
            throw new AwsException("MissingAction", "Missing Action", 400);
        }
        return model.operation(action).orElseThrow(() -> unknownOperation(action));
    }

    @Override
    public Map<String, Object> decodeInput(HttpRequest request, OperationModel operation) {
        if (operation.input() == null) {
            return new LinkedHashMap<>();
        }
        ParamTree params = ParamTree.of(QueryRequests.inputParameters(QueryRequests.allParameters(request)));
        Map<String, Object> input = new QueryParamDecoder(false, this).decodeStructure(operation.input(), params);
        String missing = RequiredMembers.firstMissing(operation.input(), input, "", false);
        if (missing != null) {
            throw missingParameter(missing);
        }
        return input;
    }

    @Override
    public HttpResponse encodeOutput(String requestId, ServiceModel model, OperationModel operation, Map<String, Object> output) {
        XmlWriter xml = new XmlWriter();
        xml.start(operation.name() + "Response").attribute("xmlns", model.metadata().xmlNamespace());
        if (operation.output() != null) {
            String wrapper = operation.resultWrapper() != null ? operation.resultWrapper() : operation.name() + "Result";
            xml.start(wrapper);
            if (output != null) {
                writer.writeMembers(xml, operation.output(), output);
            }
            xml.end();
        }
        xml.start("ResponseMetadata").element("RequestId", requestId).end();
        return HttpResponse.of(200, XML, xml.toParts());
    }

    @Override
    public HttpResponse encodeError(String requestId, ServiceModel model, AwsException error) {
        XmlWriter xml = new XmlWriter();
        xml.start("ErrorResponse").attribute("xmlns", model.metadata().xmlNamespace())
                .start("Error")
                .element("Type", error.senderFault() ? "Sender" : "Receiver")
                .element("Code", error.code())
                .element("Message", error.getMessage() == null ? "" : error.getMessage())
                .end()
                .element("RequestId", requestId)
                .end();
        return HttpResponse.of(error.status(), XML, xml.toBytes());
    }

    @Override
    public AwsException unknownOperation(String operationName) {
        return AwsException.badRequest("InvalidAction", "Could not find operation " + operationName + " for version of this service");
    }

    @Override
    public AwsException missingParameter(String memberPath) {
        return AwsException.badRequest("ValidationError",
                "1 validation error detected: Value null at '" + lowerFirst(memberPath) + "' failed to satisfy constraint: Member must not be null");
    }

    @Override
    public AwsException invalidValue(String memberPath, String value, String expected) {
        return AwsException.badRequest("InvalidParameterValue",
                "Value (" + value + ") for parameter " + memberPath + " is invalid. Expected " + expected + ".");
    }

    static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
