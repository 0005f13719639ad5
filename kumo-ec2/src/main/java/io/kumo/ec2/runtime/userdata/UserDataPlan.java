package io.kumo.ec2.runtime.userdata;

import io.kumo.ec2.runtime.userdata.BootPlan.Kind;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides what an instance's init runs at first boot, following cloud-init's reading of user data: gzip is
 * inflated; a MIME multi-part archive is split into parts; a shell script ({@code #!}) runs as it is; cloud-config
 * becomes a POSIX sh script doing the modules Kumo supports (bootcmd, write_files, users, ssh_authorized_keys,
 * packages, runcmd, final_message) in cloud-init's order; anything else is not run, with console notes that say why
 * and how to fix it.
 */
public final class UserDataPlan {
    /** The start of every console note. */
    static final String NOTE = "[kumo] ";
    /** cloud-init's Content-Type for user data that is not MIME. */
    static final String NOT_MULTIPART = "text/x-not-multipart";

    private UserDataPlan() {
    }

    /**
     * @param decodedUserData the instance's user data, base64-decoded, or null
     * @param defaultUser     the image's default user ({@code ec2-user}, {@code admin}, ...), who gets the
     *                        cloud-config's ssh_authorized_keys
     */
    public static BootPlan of(byte[] decodedUserData, String defaultUser) {
        if (decodedUserData == null || decodedUserData.length == 0) {
            return new BootPlan(Kind.NONE, null, List.of(NOTE + "this instance has no user data; nothing runs at first boot."));
        }
        String user = defaultUser == null ? "" : defaultUser.strip();
        try {
            return plan(decodedUserData, user);
        } catch (Limits.TooLarge e) {
            return notRun(e.getMessage());
        }
    }

    private static BootPlan plan(byte[] userData, String defaultUser) {
        if (userData.length > Limits.MAX_DECOMPRESSED_BYTES) {
            return notRun("it is larger than " + (Limits.MAX_DECOMPRESSED_BYTES >> 20) + " MiB");
        }
        byte[] content = userData;
        if (Gunzip.isGzip(content)) {
            try {
                content = Gunzip.decompress(content, "it");
            } catch (IOException e) {
                return notRun("it starts like gzip data but does not decompress (" + e.getMessage() + ")");
            }
            if (content.length == 0) {
                return new BootPlan(Kind.NONE, null,
                        List.of(NOTE + "this instance's gzip-compressed user data is empty; nothing runs at first boot."));
            }
        }
        if (!MimeReader.looksLikeMime(content)) {
            return PartsPlanner.plan(List.of(new MimePart(NOT_MULTIPART, "part-001", content)), false, defaultUser);
        }
        List<MimePart> leaves;
        try {
            leaves = MimeReader.leaves(content);
        } catch (MimeReader.MalformedMime e) {
            return notRun("it is a MIME message, but " + e.getMessage());
        }
        List<MimePart> named = new ArrayList<>();
        for (MimePart leaf : leaves) {
            // cloud-init numbers the parts that have no file name from 1.
            String name = leaf.filename() != null ? leaf.filename() : "part-%03d".formatted(named.size() + 1);
            named.add(new MimePart(leaf.contentType(), name, leaf.payload()));
        }
        return PartsPlanner.plan(named, true, defaultUser);
    }

    private static BootPlan notRun(String reason) {
        return new BootPlan(Kind.NOT_RUN, null, List.of(NOTE + "user data was not run: " + reason + "."));
    }
}
