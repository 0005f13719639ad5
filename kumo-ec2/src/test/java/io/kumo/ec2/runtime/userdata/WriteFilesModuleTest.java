package io.kumo.ec2.runtime.userdata;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WriteFilesModuleTest {

    private static WriteFileEntry entry(Map<String, Object> item) throws WriteFileEntry.Unwritable {
        return WriteFileEntry.parse(1, item);
    }

    @Test
    void defaultsAreCloudInits() throws Exception {
        WriteFileEntry file = entry(Map.of("path", "/etc/motd"));
        assertThat(file.content()).isEmpty();
        assertThat(file.mode()).isEqualTo(0644);
        assertThat(file.owner()).isEqualTo("root:root");
        assertThat(file.append()).isFalse();
        assertThat(file.defer()).isFalse();
        assertThat(file.warnings()).isEmpty();
    }

    @Test
    void everyEncodingSpellingIsDecoded() throws Exception {
        byte[] hello = "hello\n".getBytes(StandardCharsets.UTF_8);
        String b64 = Base64.getEncoder().encodeToString(hello);
        String gzB64 = Base64.getEncoder().encodeToString(Plans.gzip(hello));
        for (String encoding : List.of("b64", "base64", "B64 ")) {
            assertThat(entry(Map.of("path", "/f", "encoding", encoding, "content", b64)).content()).isEqualTo(hello);
        }
        for (String encoding : List.of("gz+b64", "gzip+b64", "gz+base64", "gzip+base64")) {
            assertThat(entry(Map.of("path", "/f", "encoding", encoding, "content", gzB64)).content()).isEqualTo(hello);
        }
        for (String encoding : List.of("gz", "gzip")) {
            // YAML !!binary arrives already base64-decoded.
            assertThat(entry(Map.of("path", "/f", "encoding", encoding, "content", Plans.gzip(hello))).content()).isEqualTo(hello);
        }
        assertThat(entry(Map.of("path", "/f", "encoding", "text/plain", "content", "hello\n")).content()).isEqualTo(hello);
        WriteFileEntry unknown = entry(Map.of("path", "/f", "encoding", "rot13", "content", "hello\n"));
        assertThat(unknown.content()).isEqualTo(hello);
        assertThat(unknown.warnings()).containsExactly("/f: unknown encoding 'rot13', so the content is written as plain text");
    }

    @Test
    void undecodableContentIsNotWritten() {
        assertThatThrownBy(() -> entry(Map.of("path", "/f", "encoding", "gzip", "content", "not gzip")))
                .isInstanceOf(WriteFileEntry.Unwritable.class).hasMessageStartingWith("/f: its content is not valid gzip");
    }

    @Test
    void permissionsAreOctalTextOrTheYamlNumber() throws Exception {
        assertThat(entry(Map.of("path", "/f", "permissions", "0600")).mode()).isEqualTo(0600);
        assertThat(entry(Map.of("path", "/f", "permissions", "755")).mode()).isEqualTo(0755);
        assertThat(entry(Map.of("path", "/f", "permissions", "0o640")).mode()).isEqualTo(0640);
        // YAML 1.1 reads an unquoted 0644 as octal, so the number arrives as 420.
        assertThat(entry(Map.of("path", "/f", "permissions", 420)).mode()).isEqualTo(0644);
        WriteFileEntry bad = entry(Map.of("path", "/f", "permissions", "rw-r--r--"));
        assertThat(bad.mode()).isEqualTo(0644);
        assertThat(bad.warnings()).containsExactly("/f: permissions 'rw-r--r--' are not an octal mode, so 0644 is used");
    }

    @Test
    void pathsAreMadeAbsoluteFromTheRoot() throws Exception {
        assertThat(entry(Map.of("path", "etc/../etc/./app//x.conf")).path()).isEqualTo("/etc/app/x.conf");
        assertThat(entry(Map.of("path", "/../../x")).path()).isEqualTo("/x");
    }

    @Test
    void anItemWithoutPathIsReported() {
        assertThatThrownBy(() -> WriteFileEntry.parse(3, Map.of("content", "x")))
                .hasMessage("item 3 has no path");
        assertThatThrownBy(() -> WriteFileEntry.parse(2, "/etc/motd"))
                .hasMessage("item 2 is a string, not a mapping with a path");
    }

    @Test
    void theScriptWritesEachFileAndDefersThoseThatAskForIt() {
        String script = Plans.script("""
                #cloud-config
                write_files:
                  - path: /etc/now.conf
                    content: "now\\n"
                    owner: app:app
                    permissions: '0640'
                  - content: "no path"
                  - path: /etc/later.conf
                    content: "later\\n"
                    defer: true
                  - path: /etc/log
                    content: "more\\n"
                    append: true
                packages: [nginx]
                """);
        assertThat(script).contains(
                "kumo_say 'write_files (3 files)'",
                "kumo_file=$kumo_root'/etc/now.conf'",
                "chmod 0640 \"$kumo_file\" &&",
                "kumo_own write_files 'app:app' \"$kumo_file\" ||",
                "kumo_fail 'write_files' 'item 2 has no path; not written'",
                "(umask 077 && cat >>\"$kumo_file\") <<'",
                "kumo_say 'write_files, deferred (1 file)'");
        assertThat(script.indexOf("kumo_say 'packages (1 package)'")).isLessThan(script.indexOf("write_files, deferred"));
        assertThat(script.indexOf("/etc/now.conf")).isLessThan(script.indexOf("kumo_say 'packages"));
    }

    @Test
    void sourceUrlsAreNotFetched() throws Exception {
        WriteFileEntry file = entry(Map.of("path", "/f", "source", Map.of("uri", "https://example.com/f"), "content", "fallback"));
        assertThat(file.content()).isEqualTo("fallback".getBytes(StandardCharsets.UTF_8));
        assertThat(file.warnings()).singleElement().asString().contains("'source'").contains("not supported");
    }
}
