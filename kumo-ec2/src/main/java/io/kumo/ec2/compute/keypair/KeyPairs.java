package io.kumo.ec2.compute.keypair;

import io.kumo.core.AwsException;
import io.kumo.core.store.Tx;
import io.kumo.ec2.compute.ComputeErrors;
import io.kumo.ec2.support.Ec2Errors;
import io.kumo.ec2.support.Filters;
import io.kumo.ec2.support.Tags;
import software.amazon.awssdk.services.ec2.model.KeyPairInfo;

import java.util.Map;
import java.util.Optional;

/** Looking key pairs up by name, the name rules, and the SDK shape of DescribeKeyPairs. */
public final class KeyPairs {
    public static final int MAX_NAME_LENGTH = 255;

    private KeyPairs() {
    }

    public static Optional<KeyPairRecord> byName(Tx tx, String name) {
        return tx.list(KeyPairRecord.TABLE).stream().filter(k -> k.keyName().equals(name)).findFirst();
    }

    /** The key pair RunInstances names, or InvalidKeyPair.NotFound. */
    public static KeyPairRecord require(Tx tx, String name) {
        return byName(tx, name).orElseThrow(() -> ComputeErrors.keyPairNotFound(name));
    }

    /** Names are up to 255 ASCII characters, as EC2 documents for KeyName. */
    public static void validateName(String name) {
        if (name == null || name.isEmpty()) {
            throw Ec2Errors.missingParameter("KeyName");
        }
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) > 0x7f) {
                throw Ec2Errors.invalidParameterValue("Character sets beyond ASCII are not supported.");
            }
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw Ec2Errors.invalidParameterValue("Value (" + name + ") for parameter keyName is invalid. Length exceeds maximum of "
                    + MAX_NAME_LENGTH + ".");
        }
    }

    public static void requireUnique(Tx tx, String name) {
        if (byName(tx, name).isPresent()) {
            throw AwsException.badRequest("InvalidKeyPair.Duplicate", "The keypair '" + name + "' already exists.");
        }
    }

    public static final Filters<Described> FILTERS = Filters.<Described>forType(Described::tags)
            .one("key-pair-id", d -> d.record().keyPairId())
            .one("key-name", d -> d.record().keyName())
            .one("fingerprint", d -> d.record().keyFingerprint())
            .one("key-type", d -> d.record().keyType());

    /** A key pair with its tags, as the filters and the output need it. */
    public record Described(KeyPairRecord record, Map<String, String> tags) {
        public static Described of(Tx tx, KeyPairRecord record) {
            return new Described(record, Tags.of(tx, record.keyPairId()));
        }

        public KeyPairInfo toSdk(boolean includePublicKey) {
            return KeyPairInfo.builder()
                    .keyPairId(record.keyPairId())
                    .keyName(record.keyName())
                    .keyFingerprint(record.keyFingerprint())
                    .keyType(record.keyType())
                    .createTime(record.createTime())
                    .publicKey(includePublicKey ? record.publicKey() : null)
                    .tags(Tags.toSdk(tags))
                    .build();
        }
    }
}
