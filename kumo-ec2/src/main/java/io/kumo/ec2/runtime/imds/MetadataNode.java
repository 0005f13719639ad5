package io.kumo.ec2.runtime.imds;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A node of the metadata tree: a value, or a directory whose listing names its children. */
sealed interface MetadataNode {

    record Leaf(String contentType, byte[] body) implements MetadataNode {

        static Leaf text(String value) {
            return new Leaf(ImdsResponse.TEXT, value.getBytes(StandardCharsets.UTF_8));
        }

        /** Multi-valued items (security groups, addresses) are one value a line, like listings. */
        static Leaf lines(List<String> values) {
            return text(String.join("\n", values));
        }
    }

    /**
     * @param label how the parent's listing names this entry: usually the name, with a trailing '/' for directories,
     *              but AWS spells a few differently (public-keys/ lists "0=key-name" for the directory "0")
     */
    record Entry(String name, String label, MetadataNode node) {
    }

    record Directory(List<Entry> entries) implements MetadataNode {

        Optional<MetadataNode> child(String name) {
            return entries.stream().filter(e -> e.name().equals(name)).map(Entry::node).findFirst();
        }

        /** One label a line, separated by line feeds, with no line feed after the last (as EC2 answers). */
        String listing() {
            return String.join("\n", entries.stream().map(Entry::label).toList());
        }
    }

    static DirectoryBuilder directory() {
        return new DirectoryBuilder();
    }

    final class DirectoryBuilder {
        private final List<Entry> entries = new ArrayList<>();

        DirectoryBuilder add(String name, MetadataNode node) {
            return addLabelled(name, node instanceof Directory ? name + "/" : name, node);
        }

        DirectoryBuilder add(String name, String textValue) {
            return add(name, Leaf.text(textValue));
        }

        /** Adds the entry only when its value exists: EC2 omits absent items from listings and answers 404. */
        DirectoryBuilder addIfPresent(String name, String textValue) {
            return textValue == null ? this : add(name, textValue);
        }

        DirectoryBuilder addIf(boolean condition, String name, java.util.function.Supplier<MetadataNode> node) {
            return condition ? add(name, node.get()) : this;
        }

        DirectoryBuilder addLabelled(String name, String label, MetadataNode node) {
            entries.add(new Entry(name, label, node));
            return this;
        }

        Directory build() {
            return new Directory(List.copyOf(entries));
        }
    }
}
