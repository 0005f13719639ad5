/**
 * What an instance's init runs at first boot, made from its user data the way cloud-init reads it:
 * {@link io.kumo.ec2.runtime.userdata.UserDataPlan#of(byte[], String)} gives a
 * {@link io.kumo.ec2.runtime.userdata.BootPlan}: a kind, the script to run, and console notes.
 *
 * <p>Recognition follows cloud-init's user-data processor: gzip is inflated; data is MIME exactly when
 * "mime-version:" appears in its first 4 KiB; a payload's type comes from its first characters (any case, after
 * blank space, longest marker first) or from its part's Content-Type. Cloud-config parts are merged (later keys
 * replace earlier ones, cloud-init's default merge). Shell scripts get their Windows line endings converted.
 *
 * <p>A cloud-config becomes one POSIX sh script running the supported modules in the order of cloud-init's stages:
 * bootcmd, write_files, users, ssh_authorized_keys; then packages, deferred write_files, the per-once, per-boot
 * and per-instance script parts, scripts_user (runcmd's script and the shell-script parts, sorted by name), and
 * final_message. Each module prints one "Kumo cloud-config: ..." line; a failing module is reported and the next
 * one runs; the script exits 1 if any failed. {@code KUMO_ROOT} in the environment is put before the paths of
 * write_files and authorized_keys, so tests run the real script inside a temporary directory.
 *
 * <p>Choices where Kumo differs from cloud-init, or where cloud-init's behaviour is open:
 * <ul>
 *   <li>runcmd and bootcmd keep cloud-init's semantics rather than running each item alone: all items form one
 *       script (a string item is a line of shell, so {@code cd} and variables carry to later items; a list item is
 *       an argv of single-quoted words, which the shell executes as execve would).</li>
 *   <li>User data that cloud-init would accept but that would fail on EC2 is not run, with the reason: a script
 *       whose {@code #!} follows blank space (Exec format error there), a text/x-shellscript part without
 *       {@code #!}.</li>
 *   <li>Formats that need the network or Python (include files, part handlers, jinja templates, boothooks,
 *       upstart jobs, cloud-config archives and JSON patches) are UNSUPPORTED, with a note saying which.</li>
 *   <li>ssh_authorized_keys go to root only with {@code disable_root: false}; cloud-init would also write them
 *       to root behind a "please log in as ..." command, which gains nothing here.</li>
 *   <li>An owner that does not exist, in write_files, is a console line rather than the end of the module.</li>
 *   <li>Per-boot script parts run at first boot only: the init runs user data once.</li>
 *   <li>The default final message keeps cloud-init's wording, with version "kumo", so tools waiting for
 *       "finished at" in the console work unchanged.</li>
 *   <li>YAML timestamps stay text, and SnakeYAML's SafeConstructor builds nothing but maps, lists and scalars.</li>
 *   <li>Sizes are bounded: 1 MiB for any decompression, 4 MiB for a generated script, 100 MIME parts nested at most
 *       8 deep; past them the user data is not run and the note says which bound it passed.</li>
 * </ul>
 */
package io.kumo.ec2.runtime.userdata;
