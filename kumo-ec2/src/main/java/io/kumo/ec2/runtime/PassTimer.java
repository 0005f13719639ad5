package io.kumo.ec2.runtime;

/** Where a reconcile pass spent its time, phase by phase, for the log of a slow pass. */
final class PassTimer {
    private final StringBuilder phases = new StringBuilder();
    private long last = System.nanoTime();

    void mark(String phase) {
        long now = System.nanoTime();
        if (!phases.isEmpty()) {
            phases.append(", ");
        }
        phases.append(phase).append(' ').append((now - last) / 1_000_000).append(" ms");
        last = now;
    }

    @Override
    public String toString() {
        return phases.toString();
    }
}
