package dev.pvw.pipeline;

/** What a run's quarantine retention deleted. */
public record QuarantinePurge(int days, long pageviewRows, long userRows) {
    /** One line for the terminal. */
    public String describe() {
        if (pageviewRows == 0 && userRows == 0) {
            return "nothing older than " + days + " days to delete";
        }
        return String.format(
                "deleted %d pageview rows and %d user rows quarantined more than %d days ago",
                pageviewRows, userRows, days);
    }
}
