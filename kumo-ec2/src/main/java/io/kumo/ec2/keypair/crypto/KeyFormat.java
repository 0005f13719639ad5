package io.kumo.ec2.keypair.crypto;

import java.util.Arrays;
import java.util.Optional;

/** The private key file formats CreateKeyPair offers. */
public enum KeyFormat {
    /** PKCS#1 PEM for RSA, OpenSSH's own format for ED25519. */
    PEM("pem"),
    /** PuTTY's private key file. */
    PPK("ppk");

    private final String apiName;

    KeyFormat(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }

    public static Optional<KeyFormat> fromApiName(String value) {
        return Arrays.stream(values()).filter(format -> format.apiName.equals(value)).findFirst();
    }
}
