package io.kumo.ec2.compute.keypair;

import io.kumo.core.store.Table;

import java.time.Instant;

/**
 * A key pair as EC2 keeps it: only the public half. The private key of CreateKeyPair goes to the
 * caller once and is never stored.
 *
 * @param publicKey the authorized_keys line, as DescribeKeyPairs' PublicKey and instance metadata show it
 */
public record KeyPairRecord(String keyPairId, String keyName, String keyType, String keyFingerprint,
                            String publicKey, Instant createTime) {
    public static final Table<KeyPairRecord> TABLE = Table.regional("ec2.key-pairs", KeyPairRecord.class);
}
