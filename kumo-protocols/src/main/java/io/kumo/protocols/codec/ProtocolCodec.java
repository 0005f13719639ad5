package io.kumo.protocols.codec;

import io.kumo.core.AwsException;
import io.kumo.core.http.HttpRequest;
import io.kumo.core.http.HttpResponse;
import io.kumo.protocols.model.OperationModel;
import io.kumo.protocols.model.ServiceModel;

import java.util.Map;

/**
 * One AWS wire protocol. Decoding finds the operation and turns the request into a value tree
 * of the operation's input shape; encoding walks the output shape over a value tree. Value
 * trees are maps keyed by member name, lists, and scalars (String, Integer, Long, Boolean,
 * Double, Float, BigDecimal, Instant, byte[]).
 */
public interface ProtocolCodec {

    /** The operation a request asks for, or an AwsException in this protocol's terms. */
    OperationModel operationOf(HttpRequest request, ServiceModel model);

    Map<String, Object> decodeInput(HttpRequest request, OperationModel operation);

    HttpResponse encodeOutput(String requestId, ServiceModel model, OperationModel operation, Map<String, Object> output);

    HttpResponse encodeError(String requestId, ServiceModel model, AwsException error);

    /** The error for a request naming an operation the model lacks or Kumo does not serve. */
    AwsException unknownOperation(String operationName);

    /** The error for a request that lacks a required member. */
    AwsException missingParameter(String memberPath);

    /** The error for a value that does not parse as its shape's type. */
    AwsException invalidValue(String memberPath, String value, String expected);
}
