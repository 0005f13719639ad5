package io.kumo.ec2.runtime.userdata;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MimeReaderTest {

    private static List<MimePart> leaves(String message) throws MimeReader.MalformedMime {
        return MimeReader.leaves(message.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(MimePart part) {
        return new String(part.payload(), StandardCharsets.UTF_8);
    }

    @Test
    void mimeIsRecognisedByMimeVersionInTheFirstFourKibibytes() {
        assertThat(MimeReader.looksLikeMime("Content-Type: text/plain\nmime-VERSION: 1.0\n".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(MimeReader.looksLikeMime(("x".repeat(5000) + "MIME-Version: 1.0").getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(MimeReader.looksLikeMime("#!/bin/sh\n".getBytes(StandardCharsets.UTF_8))).isFalse();
    }

    @Test
    void crlfFoldedHeadersQuotedBoundaryAndNestedParts() throws Exception {
        String message = String.join("\r\n",
                "MIME-Version: 1.0",
                "Content-Type: multipart/mixed;",
                "\tboundary=\"outer; b\"",
                "",
                "preamble is ignored",
                "--outer; b",
                "Content-Type: multipart/alternative; boundary=inner",
                "",
                "--inner",
                "Content-Type: text/x-shellscript",
                "Content-Disposition: attachment;",
                "  filename=\"first.sh\"",
                "",
                "#!/bin/sh",
                "echo one",
                "--inner--",
                "--outer; b",
                "Content-Type: TEXT/Cloud-Config; name=\"named.yaml\"",
                "",
                "#cloud-config",
                "--outer; b--",
                "epilogue is ignored");
        List<MimePart> leaves = leaves(message);
        assertThat(leaves).extracting(MimePart::contentType).containsExactly("text/x-shellscript", "text/cloud-config");
        assertThat(leaves).extracting(MimePart::filename).containsExactly("first.sh", "named.yaml");
        assertThat(text(leaves.getFirst())).isEqualTo("#!/bin/sh\r\necho one");
        assertThat(text(leaves.get(1))).isEqualTo("#cloud-config");
    }

    @Test
    void aMissingClosingBoundaryEndsTheLastPartAtTheEnd() throws Exception {
        List<MimePart> leaves = leaves("MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b\n\n--b\n\n#!/bin/sh\necho hi\n");
        assertThat(leaves).singleElement().satisfies(part -> {
            assertThat(part.contentType()).isEqualTo("text/plain");
            assertThat(text(part)).isEqualTo("#!/bin/sh\necho hi\n");
        });
    }

    @Test
    void transferEncodingsAreUndone() throws Exception {
        List<MimePart> leaves = leaves("""
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary=b

                --b
                Content-Transfer-Encoding: base64

                IyEvYmluL3NoCmVjaG8g
                aGkK
                --b
                Content-Transfer-Encoding: quoted-printable

                caf=C3=A9 soft=
                break=3D
                --b--
                """);
        assertThat(text(leaves.getFirst())).isEqualTo("#!/bin/sh\necho hi\n");
        assertThat(text(leaves.get(1))).isEqualTo("café softbreak=");
    }

    @Test
    void aSinglePartMessageIsItsOwnLeaf() throws Exception {
        assertThat(leaves("MIME-Version: 1.0\nContent-Type: text/x-shellscript\n\n#!/bin/sh\n"))
                .singleElement().extracting(MimePart::contentType).isEqualTo("text/x-shellscript");
    }

    @Test
    void nestingAndPartCountsAreBounded() {
        StringBuilder deep = new StringBuilder("MIME-Version: 1.0\n");
        for (int i = 0; i < 12; i++) {
            deep.append("Content-Type: multipart/mixed; boundary=b").append(i).append("\n\n--b").append(i).append('\n');
        }
        assertThatThrownBy(() -> leaves(deep.toString())).isInstanceOf(MimeReader.MalformedMime.class)
                .hasMessageContaining("nested");
        StringBuilder many = new StringBuilder("MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b\n\n");
        for (int i = 0; i < 101; i++) {
            many.append("--b\n\n#!/bin/sh\n");
        }
        assertThatThrownBy(() -> leaves(many.toString())).isInstanceOf(MimeReader.MalformedMime.class)
                .hasMessageContaining("more than 100 parts");
    }
}
