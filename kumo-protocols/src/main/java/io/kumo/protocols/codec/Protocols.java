package io.kumo.protocols.codec;

import io.kumo.protocols.model.ServiceModel;

/** Picks the codec for a model's protocol. */
public final class Protocols {
    private static final ProtocolCodec EC2 = new Ec2Codec();
    private static final ProtocolCodec QUERY = new QueryCodec();
    private static final ProtocolCodec JSON = new JsonCodec();
    private static final ProtocolCodec REST_XML = new RestXmlCodec();

    private Protocols() {
    }

    public static ProtocolCodec codecFor(ServiceModel model) {
        return switch (model.metadata().protocol()) {
            case "ec2" -> EC2;
            case "query" -> QUERY;
            case "json" -> JSON;
            case "rest-xml" -> REST_XML;
            default -> throw new IllegalArgumentException("Kumo has no codec for protocol " + model.metadata().protocol());
        };
    }
}
