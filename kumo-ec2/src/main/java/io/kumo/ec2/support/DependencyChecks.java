package io.kumo.ec2.support;

import io.kumo.core.store.Tx;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Answers "does anything still use this resource?" across the areas of EC2, so that deleting a
 * VPC, subnet or security group can refuse with DependencyViolation without each area knowing
 * the others' tables. Each area registers the checks for the references it holds.
 */
public final class DependencyChecks {
    private final List<DependencyCheck> checks = new CopyOnWriteArrayList<>();

    @FunctionalInterface
    public interface DependencyCheck {
        /** A short description of something that uses {@code resourceId} (e.g. "eni-0abc"), or empty. */
        Optional<String> userOf(Tx tx, String resourceId);
    }

    public void register(DependencyCheck check) {
        checks.add(check);
    }

    public Optional<String> firstUserOf(Tx tx, String resourceId) {
        for (DependencyCheck check : checks) {
            Optional<String> user = check.userOf(tx, resourceId);
            if (user.isPresent()) {
                return user;
            }
        }
        return Optional.empty();
    }
}
