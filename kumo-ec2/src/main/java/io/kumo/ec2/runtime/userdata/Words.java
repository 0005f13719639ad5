package io.kumo.ec2.runtime.userdata;

/** Small phrases for console lines. */
final class Words {
    private Words() {
    }

    /** "1 command", "3 commands". */
    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
