package io.kumo.ec2.runtime.imds;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AwsJsonTest {

    @Test
    void escapesWhatJsonRequires() {
        assertThat(AwsJson.string("a\"b\\c\nd\te\u0001")).isEqualTo("\"a\\\"b\\\\c\\nd\\te\\u0001\"");
        assertThat(AwsJson.string("東京")).isEqualTo("\"東京\"");
    }

    @Test
    void laysOutValuesAsEc2Does() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("s", "x");
        fields.put("n", 3);
        fields.put("z", null);
        fields.put("l", List.of("bp-1", "bp-2"));
        fields.put("e", List.of());

        assertThat(AwsJson.object(fields)).isEqualTo("""
                {
                  "s" : "x",
                  "n" : 3,
                  "z" : null,
                  "l" : [ "bp-1", "bp-2" ],
                  "e" : [ ]
                }""");
    }
}
