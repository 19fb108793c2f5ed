package dev.pvw.warehouse;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/** A validated warehouse URL and the engine it names, which prints itself without any password. */
public record WarehouseUrl(String value, String engine) {
    /** Used when neither --warehouse nor PVW_WAREHOUSE is given. */
    public static final String DEFAULT = "jdbc:duckdb:warehouse.duckdb";

    /** The environment variable pvw reads the warehouse's URL from when --warehouse is not given. */
    public static final String ENVIRONMENT_VARIABLE = "PVW_WAREHOUSE";

    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)([?&;](?:ssl)?password=)[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("^(jdbc:[a-z]+://[^/@:]*:)[^/@]*@");

    public WarehouseUrl {
        requireNonNull(value, "value");
        requireNonNull(engine, "engine");
    }

    /** Parses a URL given on the command line or in PVW_WAREHOUSE, for one of the engines pvw has. */
    public static WarehouseUrl parse(String url) {
        return Engines.parse(url);
    }

    /** The URL with any password replaced by stars, safe to print and log. */
    public String redacted() {
        return redact(value);
    }

    static String redact(String url) {
        String withoutParameter = PASSWORD_PARAMETER.matcher(url).replaceAll("$1***");
        return USER_INFO.matcher(withoutParameter).replaceFirst("$1***@");
    }

    @Override
    public String toString() {
        return redacted();
    }
}
