package io.kumo.core.service;

import io.kumo.core.KumoSettings;
import io.kumo.core.store.Store;

import java.time.Clock;

/** The shared facilities every service module receives. */
public record Kernel(KumoSettings settings, Store store, Clock clock, Contracts contracts) {
}
