package io.kumo.rds.support;

import software.amazon.awssdk.services.rds.model.Filter;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/** Describe calls' Filters: each filter a name and values; an item passes when every filter has one matching value. */
public final class Filters {

    private Filters() {
    }

    /**
     * @param fields what each supported filter name reads from an item (several values allowed)
     * @return the predicate; an unknown filter name is an InvalidParameterValue, as RDS answers
     */
    public static <T> Predicate<T> of(List<Filter> filters, Map<String, Function<T, Set<String>>> fields) {
        Predicate<T> all = t -> true;
        for (Filter filter : filters) {
            Function<T, Set<String>> field = fields.get(filter.name());
            if (field == null) {
                throw RdsErrors.invalidValue("Unrecognized filter name: " + filter.name() + ".");
            }
            if (!filter.hasValues() || filter.values().isEmpty()) {
                throw RdsErrors.invalidValue("The filter " + filter.name() + " needs at least one value.");
            }
            List<String> wanted = filter.values();
            all = all.and(t -> field.apply(t).stream().anyMatch(wanted::contains));
        }
        return all;
    }
}
