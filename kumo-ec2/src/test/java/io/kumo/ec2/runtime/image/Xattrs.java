package io.kumo.ec2.runtime.image;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Extended attributes of any namespace, which Java's file attribute views cannot reach (they
 * offer user.* only); overlay keeps its marks in trusted.overlay.*.
 */
final class Xattrs {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final MethodHandle LSETXATTR = LINKER.downcallHandle(LINKER.defaultLookup().find("lsetxattr").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.ADDRESS,
                    ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT));
    private static final MethodHandle LGETXATTR = LINKER.downcallHandle(LINKER.defaultLookup().find("lgetxattr").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.ADDRESS,
                    ValueLayout.JAVA_LONG));

    private Xattrs() {
    }

    static void set(Path path, String name, String value) {
        try (Arena arena = Arena.ofConfined()) {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            MemorySegment data = arena.allocate(Math.max(1, bytes.length));
            data.copyFrom(MemorySegment.ofArray(bytes));
            int rc = (int) LSETXATTR.invokeExact(arena.allocateFrom(path.toString()), arena.allocateFrom(name), data,
                    (long) bytes.length, 0);
            if (rc != 0) {
                throw new IllegalStateException("lsetxattr " + name + " on " + path + " failed");
            }
        } catch (Throwable t) {
            throw t instanceof RuntimeException r ? r : new IllegalStateException(t);
        }
    }

    static Optional<String> get(Path path, String name) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(256);
            long n = (long) LGETXATTR.invokeExact(arena.allocateFrom(path.toString()), arena.allocateFrom(name), buffer, 256L);
            if (n < 0) {
                return Optional.empty();
            }
            return Optional.of(new String(buffer.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE), StandardCharsets.UTF_8));
        } catch (Throwable t) {
            throw t instanceof RuntimeException r ? r : new IllegalStateException(t);
        }
    }
}
