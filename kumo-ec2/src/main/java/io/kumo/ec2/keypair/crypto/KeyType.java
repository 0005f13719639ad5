package io.kumo.ec2.keypair.crypto;

import java.util.Arrays;
import java.util.Optional;

/** The key types EC2 knows: its API value ("rsa") and the SSH algorithm name ("ssh-rsa"). */
public enum KeyType {
    RSA("rsa", "ssh-rsa"),
    ED25519("ed25519", "ssh-ed25519");

    private final String apiName;
    private final String sshName;

    KeyType(String apiName, String sshName) {
        this.apiName = apiName;
        this.sshName = sshName;
    }

    public String apiName() {
        return apiName;
    }

    public String sshName() {
        return sshName;
    }

    public static Optional<KeyType> fromApiName(String value) {
        return Arrays.stream(values()).filter(type -> type.apiName.equals(value)).findFirst();
    }

    public static Optional<KeyType> fromSshName(String value) {
        return Arrays.stream(values()).filter(type -> type.sshName.equals(value)).findFirst();
    }
}
