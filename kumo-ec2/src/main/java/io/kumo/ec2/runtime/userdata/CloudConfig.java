package io.kumo.ec2.runtime.userdata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The merged top-level cloud-config, read with cloud-init's accessors. */
final class CloudConfig {
    private final Map<String, Object> values;

    CloudConfig(Map<String, Object> values) {
        this.values = new LinkedHashMap<>(values);
    }

    static CloudConfig empty() {
        return new CloudConfig(Map.of());
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    Object get(String key) {
        return values.get(key);
    }

    Set<String> keys() {
        return values.keySet();
    }

    /** cloud-init's {@code get_cfg_option_bool} over several spellings of one setting: true if any is. */
    boolean flag(String... keys) {
        for (String key : keys) {
            if (PyValues.truthy(values.get(key))) {
                return true;
            }
        }
        return false;
    }

    /** A boolean that is true unless set to something false, like disable_root. */
    boolean flagOrTrue(String key) {
        return !values.containsKey(key) || PyValues.truthy(values.get(key));
    }

    /** cloud-init's {@code get_cfg_option_list}: absent or empty gives nothing, a single value a list of one. */
    List<Object> list(String key) {
        return asList(values.get(key));
    }

    static List<Object> asList(Object value) {
        return switch (value) {
            case null -> List.of();
            case List<?> list -> new ArrayList<>(list);
            default -> {
                List<Object> one = new ArrayList<>();
                one.add(value);
                yield one;
            }
        };
    }

    /** Later parts replace earlier parts' keys: cloud-init's default merge, {@code dict(replace)+list()+str()}. */
    CloudConfig mergedWith(Map<String, Object> later) {
        Map<String, Object> merged = new LinkedHashMap<>(values);
        merged.putAll(later);
        return new CloudConfig(merged);
    }
}
