package io.kumo.ec2.runtime.userdata;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FinalMessageModuleTest {

    @Test
    void theDefaultKeepsCloudInitsWording() {
        assertThat(Plans.script("#cloud-config\n")).contains("printf '%s%s%s%s%s\\n' 'Cloud-init v. kumo finished at ' "
                + "\"$kumo_timestamp\" '. Datasource DataSourceKumo.  Up ' \"$kumo_uptime\" ' seconds'");
    }

    @Test
    void dollarVariablesAreFilledInAndOthersLeftAlone() {
        assertThat(FinalMessageModule.words("Up $UPTIME s, ${version} on $datasource at $timestamp; $HOME ${Uptime}"))
                .containsExactly("'Up '", "\"$kumo_uptime\"", "' s, kumo on DataSourceKumo at '", "\"$kumo_timestamp\"",
                        "'; $HOME ${Uptime}'");
    }

    @Test
    void jinjaTemplatesUseBraces() {
        assertThat(FinalMessageModule.words("## template: jinja\ndone in {{ uptime }}s ($uptime stays)"))
                .containsExactly("'done in '", "\"$kumo_uptime\"", "'s ($uptime stays)'");
    }

    @Test
    void plainTextIsQuotedForTheShell() {
        assertThat(FinalMessageModule.words("it's `done`")).containsExactly("'it'\\''s `done`'");
    }
}
