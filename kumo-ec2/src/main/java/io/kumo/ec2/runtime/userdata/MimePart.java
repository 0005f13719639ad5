package io.kumo.ec2.runtime.userdata;

/**
 * One leaf of a MIME message.
 *
 * @param contentType the lower-case {@code type/subtype}, {@code text/plain} when the part names none (as Python's
 *                    email package, and so cloud-init, reads it)
 * @param filename    from Content-Disposition (or the Content-Type's name), or null
 * @param payload     the body with its Content-Transfer-Encoding undone
 */
record MimePart(String contentType, String filename, byte[] payload) {
}
