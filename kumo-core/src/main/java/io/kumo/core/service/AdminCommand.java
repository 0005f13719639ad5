package io.kumo.core.service;

import java.util.Map;

/**
 * An operation of Kumo's own, outside every AWS API, that a module offers at
 * {@code POST /_kumo/commands/<name>} (for example registering a root filesystem as an image: AWS
 * has no call that takes a local directory). Arguments and results are flat JSON objects. Bad
 * arguments are an {@link io.kumo.core.AwsException}, answered with its status, code and message.
 */
public interface AdminCommand {

    /** The path segment(s) after {@code /_kumo/commands/}, such as {@code ec2/import-image}. */
    String name();

    /** Runs the command; {@code arguments} are the request's JSON fields as strings. */
    Map<String, Object> run(Map<String, String> arguments);
}
