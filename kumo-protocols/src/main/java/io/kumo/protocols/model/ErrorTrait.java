package io.kumo.protocols.model;

/** The {@code error} trait of an exception shape: its wire code and HTTP status. */
public record ErrorTrait(String code, int httpStatusCode, boolean senderFault) {
}
