package io.kumo.core.regions;

/** An AWS partition: its id as it appears in ARNs, and the DNS suffix of its endpoints. */
public enum Partition {
    AWS("aws", "amazonaws.com"),
    AWS_US_GOV("aws-us-gov", "amazonaws.com"),
    AWS_CN("aws-cn", "amazonaws.com.cn");

    private final String id;
    private final String dnsSuffix;

    Partition(String id, String dnsSuffix) {
        this.id = id;
        this.dnsSuffix = dnsSuffix;
    }

    /** "aws", "aws-us-gov" or "aws-cn", as in arn:PARTITION:... */
    public String id() {
        return id;
    }

    public String dnsSuffix() {
        return dnsSuffix;
    }
}
