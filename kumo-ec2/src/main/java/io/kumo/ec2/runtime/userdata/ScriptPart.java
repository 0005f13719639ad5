package io.kumo.ec2.runtime.userdata;

/**
 * A shell script from a MIME part, ready to run.
 *
 * @param name    its file name, cleaned as cloud-init's clean_filename does; it orders the scripts of a stage
 * @param content the script, Windows line endings already converted as cloud-init does; starts with {@code #!}
 */
record ScriptPart(String name, UserDataFormat format, byte[] content) {
    /** cloud-init keeps letters, digits and {@code _-.()} of a part's file name, with '/' turned into '_'. */
    static String cleanName(String filename) {
        StringBuilder clean = new StringBuilder();
        for (char c : filename.replace('/', '_').toCharArray()) {
            if (c < 128 && (Character.isLetterOrDigit(c) || "_-.()".indexOf(c) >= 0)) {
                clean.append(c);
            }
        }
        return clean.toString().strip();
    }
}
