package io.kumo.rds.parameter;

import io.kumo.rds.support.RdsErrors;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks a value given for a parameter against its data type and allowed values, as RDS does before accepting it. */
final class ParameterValues {
    /** A range such as "1-100000", "-1-2147483647" or "0-31536000". */
    private static final Pattern RANGE = Pattern.compile("(-?[0-9.]+)-(-?[0-9.]+)");

    private ParameterValues() {
    }

    static void check(CatalogueParameter p, String value) {
        if (value == null) {
            throw RdsErrors.invalidValue("A value is required for parameter " + p.name() + ".");
        }
        if (isFormula(value)) {
            return; // RDS evaluates formulas per instance; it accepts them for numeric parameters as given
        }
        String allowed = p.allowedValues();
        if (allowed == null || allowed.isEmpty()) {
            return;
        }
        Matcher range = RANGE.matcher(allowed);
        if (range.matches() && isNumeric(p.dataType())) {
            checkRange(p, value, new BigDecimal(range.group(1)), new BigDecimal(range.group(2)));
            return;
        }
        List<String> choices = Arrays.asList(allowed.split(","));
        List<String> given = p.dataType().equals("list") ? Arrays.asList(value.split(",")) : List.of(value);
        for (String v : given) {
            if (choices.stream().noneMatch(c -> c.equalsIgnoreCase(v.trim()))) {
                throw invalid(p, value);
            }
        }
    }

    private static void checkRange(CatalogueParameter p, String value, BigDecimal low, BigDecimal high) {
        BigDecimal number;
        try {
            number = new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            throw invalid(p, value);
        }
        if (p.dataType().equals("integer") && number.stripTrailingZeros().scale() > 0) {
            throw invalid(p, value);
        }
        if (number.compareTo(low) < 0 || number.compareTo(high) > 0) {
            throw invalid(p, value);
        }
    }

    private static boolean isNumeric(String dataType) {
        return dataType.equals("integer") || dataType.equals("float") || dataType.equals("real");
    }

    private static boolean isFormula(String value) {
        return value.contains("{") && value.contains("}");
    }

    private static RuntimeException invalid(CatalogueParameter p, String value) {
        return RdsErrors.invalidValue("Value: " + value + " is not allowed for parameter: " + p.name() + ". Allowed values: "
                + p.allowedValues());
    }
}
