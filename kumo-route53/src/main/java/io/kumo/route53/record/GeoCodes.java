package io.kumo.route53.record;

import java.util.Locale;
import java.util.Set;

/** The locations geolocation records may name, as Route 53's ListGeoLocations lists them. */
final class GeoCodes {
    static final Set<String> CONTINENTS = Set.of("AF", "AN", "AS", "EU", "OC", "NA", "SA");
    /** "*" is the default location, for queries no other location matches. */
    static final String DEFAULT_COUNTRY = "*";
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> US_STATES = Set.of("AK", "AL", "AR", "AZ", "CA", "CO", "CT", "DC", "DE", "FL", "GA", "HI",
            "IA", "ID", "IL", "IN", "KS", "KY", "LA", "MA", "MD", "ME", "MI", "MN", "MO", "MS", "MT", "NC", "ND", "NE", "NH", "NJ",
            "NM", "NV", "NY", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VA", "VT", "WA", "WI", "WV", "WY");
    /** Ukraine's oblasts by their ISO 3166-2 numbers, the other country Route 53 subdivides. */
    private static final Set<String> UA_SUBDIVISIONS = Set.of("05", "07", "09", "12", "14", "18", "21", "23", "26", "30", "32",
            "35", "40", "43", "46", "48", "51", "53", "56", "59", "61", "63", "65", "68", "71", "74", "77");

    private GeoCodes() {
    }

    static boolean country(String code) {
        return DEFAULT_COUNTRY.equals(code) || COUNTRIES.contains(code);
    }

    static boolean subdivision(String country, String code) {
        return switch (country) {
            case "US" -> US_STATES.contains(code);
            case "UA" -> UA_SUBDIVISIONS.contains(code);
            default -> false;
        };
    }
}
