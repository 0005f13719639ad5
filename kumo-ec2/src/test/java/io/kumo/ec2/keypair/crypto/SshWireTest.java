package io.kumo.ec2.keypair.crypto;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SshWireTest {
    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    @Test
    void encodesMpintsAsRfc4251Examples() {
        // The examples of RFC 4251 section 5.
        assertThat(hex(new SshWireWriter().mpint(BigInteger.ZERO).toByteArray())).isEqualTo("00000000");
        assertThat(hex(new SshWireWriter().mpint(new BigInteger("9a378f9b2e332a7", 16)).toByteArray()))
                .isEqualTo("0000000809a378f9b2e332a7");
        assertThat(hex(new SshWireWriter().mpint(BigInteger.valueOf(0x80)).toByteArray())).isEqualTo("000000020080");
    }

    @Test
    void roundTripsEveryFieldType() {
        byte[] bytes = new SshWireWriter()
                .uint32(0xFFFF_FFFFL)
                .string("ssh-rsa")
                .string(new byte[] {1, 2, 3})
                .mpint(new BigInteger("123456789012345678901234567890"))
                .toByteArray();
        SshWireReader reader = new SshWireReader(bytes);

        assertThat(reader.uint32()).isEqualTo(0xFFFF_FFFFL);
        assertThat(reader.text()).isEqualTo("ssh-rsa");
        assertThat(reader.string()).containsExactly(1, 2, 3);
        assertThat(reader.mpint()).isEqualTo(new BigInteger("123456789012345678901234567890"));
        assertThat(reader.hasRemaining()).isFalse();
        reader.requireEnd();
    }

    @Test
    void refusesTruncatedAndOverlongData() {
        assertThatThrownBy(() -> new SshWireReader(new byte[] {0, 0, 0}).uint32()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SshWireReader(new byte[] {0, 0, 0, 5, 1}).string())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SshWireReader(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF}).string())
                .isInstanceOf(IllegalArgumentException.class);
        SshWireReader trailing = new SshWireReader(new byte[] {0, 0, 0, 0, 9});
        trailing.string();
        assertThatThrownBy(trailing::requireEnd).isInstanceOf(IllegalArgumentException.class);
    }
}
