package io.kumo.ec2.keypair.crypto;

import java.nio.charset.StandardCharsets;

/**
 * OpenSSH's own private key format ("openssh-key-v1", PROTOCOL.key in the OpenSSH sources),
 * unencrypted, which is how CreateKeyPair hands out ED25519 keys in pem format.
 */
final class OpenSshPrivateKeyWriter {
    static final String LABEL = "OPENSSH PRIVATE KEY";
    private static final byte[] MAGIC = "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII);
    private static final String NO_CIPHER = "none";
    /** The private section of an unencrypted key is padded to the "none" cipher's block size. */
    private static final int BLOCK_SIZE = 8;

    private OpenSshPrivateKeyWriter() {
    }

    /**
     * @param seed the 32-byte Ed25519 private key (RFC 8032's "k")
     * @param comment kept inside the file; ssh-keygen -y does not print it, ssh-keygen -l does
     * @param checkInt any value; written twice so a reader can tell a wrong passphrase, hence random
     */
    static String ed25519(byte[] seed, Ed25519SshPublicKey publicKey, String comment, int checkInt) {
        byte[] point = publicKey.point();
        byte[] seedAndPoint = new byte[seed.length + point.length];
        System.arraycopy(seed, 0, seedAndPoint, 0, seed.length);
        System.arraycopy(point, 0, seedAndPoint, seed.length, point.length);

        SshWireWriter privateSection = new SshWireWriter()
                .uint32(checkInt & 0xFFFF_FFFFL)
                .uint32(checkInt & 0xFFFF_FFFFL)
                .string(KeyType.ED25519.sshName())
                .string(point)
                .string(seedAndPoint)
                .string(comment == null ? "" : comment);
        for (int pad = 1; privateSection.size() % BLOCK_SIZE != 0; pad++) {
            privateSection.raw(new byte[] {(byte) pad});
        }

        byte[] body = new SshWireWriter()
                .raw(MAGIC)
                .string(NO_CIPHER)
                .string(NO_CIPHER)
                .string(new byte[0])
                .uint32(1)
                .string(publicKey.blob())
                .string(privateSection.toByteArray())
                .toByteArray();
        // OpenSSH refuses a key file whose last line lacks its newline.
        return Pem.armor(LABEL, body, Pem.OPENSSH_LINE) + "\n";
    }
}
