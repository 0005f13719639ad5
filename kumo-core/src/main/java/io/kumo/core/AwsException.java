package io.kumo.core;

/**
 * An error that reaches the client in its protocol's own envelope, with AWS's code and status.
 * Services throw it; the protocol layer renders it.
 */
public class AwsException extends RuntimeException {
    private final String code;
    private final int status;
    private final boolean senderFault;

    public AwsException(String code, String message, int status) {
        this(code, message, status, status < 500);
    }

    public AwsException(String code, String message, int status, boolean senderFault) {
        super(message, null, false, false);
        this.code = code;
        this.status = status;
        this.senderFault = senderFault;
    }

    public static AwsException badRequest(String code, String message) {
        return new AwsException(code, message, 400);
    }

    public static AwsException notFound(String code, String message) {
        return new AwsException(code, message, 404);
    }

    public static AwsException internal(String message) {
        return new AwsException("InternalError", message, 500, false);
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    public boolean senderFault() {
        return senderFault;
    }
}
