package io.kumo.ec2.keypair.crypto;

/** A public key read from one of the accepted text or binary forms, before any policy check. */
record ParsedPublicKey(SshPublicKey key, String comment) {
}
