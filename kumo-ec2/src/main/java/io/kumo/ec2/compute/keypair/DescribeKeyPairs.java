package io.kumo.ec2.compute.keypair;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.ec2.compute.ComputeErrors;
import software.amazon.awssdk.services.ec2.model.DescribeKeyPairsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeKeyPairsResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** DescribeKeyPairs: by name or id (each must exist), filters, and the public key on request. */
public final class DescribeKeyPairs implements Handler<DescribeKeyPairsRequest, DescribeKeyPairsResponse> {

    @Override
    public DescribeKeyPairsResponse handle(RequestContext ctx, DescribeKeyPairsRequest in) {
        var predicate = KeyPairs.FILTERS.compile(in.filters());
        boolean includePublicKey = Boolean.TRUE.equals(in.includePublicKey());
        return ctx.read(tx -> {
            List<KeyPairRecord> all = tx.list(KeyPairRecord.TABLE);
            List<KeyPairRecord> selected = all;
            if (!in.keyNames().isEmpty() || !in.keyPairIds().isEmpty()) {
                selected = new ArrayList<>();
                for (String name : in.keyNames()) {
                    Optional<KeyPairRecord> found = all.stream().filter(k -> k.keyName().equals(name)).findFirst();
                    selected.add(found.orElseThrow(() -> ComputeErrors.keyPairNotFound(name)));
                }
                for (String id : in.keyPairIds()) {
                    Optional<KeyPairRecord> found = tx.get(KeyPairRecord.TABLE, id);
                    selected.add(found.orElseThrow(() -> ComputeErrors.keyPairIdNotFound(id)));
                }
                selected = selected.stream().distinct().toList();
            }
            return DescribeKeyPairsResponse.builder()
                    .keyPairs(selected.stream()
                            .map(k -> KeyPairs.Described.of(tx, k))
                            .filter(predicate)
                            .map(d -> d.toSdk(includePublicKey))
                            .toList())
                    .build();
        });
    }
}
