package io.kumo.route53.record.rdata;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The record types Kumo's hosted zones hold, by name. */
public final class RdataTypes {
    private static final Map<String, RdataType> BY_NAME = List.of(new ARdata(), new AaaaRdata(), new CnameRdata(), new MxRdata(),
                    new TxtRdata(), new NsRdata(), new SoaRdata(), new SrvRdata(), new CaaRdata(), new PtrRdata(), new SpfRdata(),
                    new NaptrRdata(), new DsRdata())
            .stream().collect(Collectors.toUnmodifiableMap(RdataType::type, Function.identity()));

    private RdataTypes() {
    }

    public static Optional<RdataType> of(String type) {
        return Optional.ofNullable(type == null ? null : BY_NAME.get(type));
    }
}
