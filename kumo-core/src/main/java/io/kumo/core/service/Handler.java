package io.kumo.core.service;

import io.kumo.core.RequestContext;

/** The business logic of one operation: a plain function from typed input to typed output. */
@FunctionalInterface
public interface Handler<I, O> {
    O handle(RequestContext ctx, I input);
}
