package io.kumo.elbv2.runtime;

/**
 * A target of a target group, as the key of what the proxy looks up per request (health, requests in
 * flight). equals and hashCode are written out: a record's generated ones go through method handles,
 * which C1-compiled code calls without inlining.
 */
record GroupTarget(String groupArn, String targetKey) {
    @Override
    public boolean equals(Object o) {
        return o instanceof GroupTarget other && groupArn.equals(other.groupArn) && targetKey.equals(other.targetKey);
    }

    @Override
    public int hashCode() {
        return 31 * groupArn.hashCode() + targetKey.hashCode();
    }
}
