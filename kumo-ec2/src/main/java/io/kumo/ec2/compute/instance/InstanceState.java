package io.kumo.ec2.compute.instance;

import java.util.Arrays;
import java.util.Optional;

/** EC2's instance states with their codes, as InstanceState {Code, Name} shows them. */
public enum InstanceState {
    PENDING(0, "pending"),
    RUNNING(16, "running"),
    SHUTTING_DOWN(32, "shutting-down"),
    TERMINATED(48, "terminated"),
    STOPPING(64, "stopping"),
    STOPPED(80, "stopped");

    private final int code;
    private final String apiName;

    InstanceState(int code, String apiName) {
        this.code = code;
        this.apiName = apiName;
    }

    public int code() {
        return code;
    }

    public String apiName() {
        return apiName;
    }

    public static Optional<InstanceState> fromApiName(String name) {
        return Arrays.stream(values()).filter(s -> s.apiName.equals(name)).findFirst();
    }

    public software.amazon.awssdk.services.ec2.model.InstanceState toSdk() {
        return software.amazon.awssdk.services.ec2.model.InstanceState.builder().code(code).name(apiName).build();
    }
}
