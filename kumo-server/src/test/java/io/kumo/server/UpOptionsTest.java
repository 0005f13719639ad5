package io.kumo.server;

import io.kumo.core.KumoSettings;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UpOptionsTest {

    @Test
    void defaultsThenEnvironmentThenFlags() throws Exception {
        KumoSettings defaults = UpOptions.parse(new String[0], Map.of("XDG_DATA_HOME", "/xdg"));
        assertThat(defaults.port()).isEqualTo(4566);
        assertThat(defaults.host()).isEqualTo("127.0.0.1");
        assertThat(defaults.dataDir()).isEqualTo(Path.of("/xdg/kumo"));
        assertThat(defaults.ephemeral()).isFalse();
        assertThat(defaults.accountId()).isEqualTo("000000000000");
        assertThat(defaults.strictAuth()).isFalse();

        Map<String, String> env = Map.of("KUMO_PORT", "5000", "KUMO_EPHEMERAL", "true", "KUMO_AUTH", "strict", "KUMO_DATA_DIR", "/env");
        KumoSettings fromEnv = UpOptions.parse(new String[0], env);
        assertThat(fromEnv.port()).isEqualTo(5000);
        assertThat(fromEnv.ephemeral()).isTrue();
        assertThat(fromEnv.strictAuth()).isTrue();
        assertThat(fromEnv.dataDir()).isEqualTo(Path.of("/env"));

        KumoSettings flags = UpOptions.parse(new String[]{"--port", "6000", "--data-dir=/flag", "--ephemeral=false", "--auth", "lenient",
                "--account-id", "123456789012", "--region", "us-east-1"}, env);
        assertThat(flags.port()).isEqualTo(6000);
        assertThat(flags.dataDir()).isEqualTo(Path.of("/flag"));
        assertThat(flags.ephemeral()).isFalse();
        assertThat(flags.strictAuth()).isFalse();
        assertThat(flags.accountId()).isEqualTo("123456789012");
        assertThat(flags.defaultRegion()).isEqualTo("us-east-1");
    }

    @Test
    void explainsWhatIsWrong() {
        assertThatThrownBy(() -> UpOptions.parse(new String[]{"--port", "http"}, Map.of())).hasMessageContaining("--port must be a number");
        assertThatThrownBy(() -> UpOptions.parse(new String[]{"--port", "70000"}, Map.of())).hasMessageContaining("between 0 and 65535");
        assertThatThrownBy(() -> UpOptions.parse(new String[]{"--account-id", "12"}, Map.of())).hasMessageContaining("12 digits");
        assertThatThrownBy(() -> UpOptions.parse(new String[]{"--auth", "maybe"}, Map.of())).hasMessageContaining("lenient or strict");
        assertThatThrownBy(() -> UpOptions.parse(new String[]{"--colour"}, Map.of())).hasMessageContaining("unknown option --colour");
        assertThatThrownBy(() -> UpOptions.parse(new String[]{"--host"}, Map.of())).hasMessageContaining("--host needs a value");
        assertThatThrownBy(() -> UpOptions.parse(new String[0], Map.of("KUMO_EPHEMERAL", "yes"))).hasMessageContaining("true or false");
    }
}
