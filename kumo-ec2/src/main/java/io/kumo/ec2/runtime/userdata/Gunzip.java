package io.kumo.ec2.runtime.userdata;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** gzip decompression that stops at {@link Limits#MAX_DECOMPRESSED_BYTES}, so a small bomb stays small. */
final class Gunzip {
    private Gunzip() {
    }

    static boolean isGzip(byte[] data) {
        return data.length >= 2 && (data[0] & 0xff) == 0x1f && (data[1] & 0xff) == 0x8b;
    }

    /**
     * @throws IOException         when the data is not valid gzip
     * @throws Limits.TooLarge     when it inflates past the limit
     */
    static byte[] decompress(byte[] gzip, String what) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(gzip.length * 4, Limits.MAX_DECOMPRESSED_BYTES));
            byte[] buffer = new byte[8192];
            int read;
            while ((read = in.read(buffer)) > 0) {
                if (out.size() + read > Limits.MAX_DECOMPRESSED_BYTES) {
                    throw new Limits.TooLarge(what + " decompresses to more than "
                            + (Limits.MAX_DECOMPRESSED_BYTES >> 20) + " MiB");
                }
                out.write(buffer, 0, read);
            }
            return out.toByteArray();
        }
    }
}
