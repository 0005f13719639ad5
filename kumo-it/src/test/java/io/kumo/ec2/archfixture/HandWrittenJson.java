package io.kumo.ec2.archfixture;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kumo.sts.StsModule;

/** A deliberate violation, so LayeringTest can show that its rules catch one. Never used by Kumo. */
public final class HandWrittenJson {
    public String render() throws Exception {
        return new ObjectMapper().writeValueAsString(new StsModule().modelName());
    }
}
