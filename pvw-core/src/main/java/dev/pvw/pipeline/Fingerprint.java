package dev.pvw.pipeline;

import dev.pvw.warehouse.RowMapper;
import dev.pvw.warehouse.Warehouse;
import java.util.Map;
import java.util.Objects;

/**
 * Row count and content fingerprint of an extract table. An engine may change how it fingerprints (a cheaper hash, say):
 * the new form is tagged ({@code v2:rows:sum}; the first form, {@code rows:sum}, is {@code v1}), and the engine keeps
 * the script of each earlier form ({@code users/fingerprint_v1}, say), so that a warehouse's ledgers from before the
 * change still know an unchanged extract.
 */
record Fingerprint(long rows, String fingerprint) {
    static final RowMapper<Fingerprint> MAPPER =
            row -> new Fingerprint(row.getLong("extract_rows"), row.getString("fingerprint"));

    Fingerprint {
        Objects.requireNonNull(fingerprint, "fingerprint");
    }

    /** The form a fingerprint was made in: its tag before the first colon, or {@code v1} where it starts with a count. */
    static String form(String fingerprint) {
        int colon = fingerprint.indexOf(':');
        return colon > 0 && fingerprint.charAt(0) == 'v' ? fingerprint.substring(0, colon) : "v1";
    }

    /**
     * Whether {@code stored}, a fingerprint from the warehouse's ledger, is this extract's. One of another form is
     * compared with the extract fingerprinted in that form, by the engine's script {@code <script>_<form>}; that costs
     * a second read of the extract, until the ledger holds a fingerprint of the current form.
     */
    boolean matches(String stored, Warehouse warehouse, String script) {
        if (stored.equals(fingerprint)) {
            return true;
        }
        String storedForm = form(stored);
        if (storedForm.equals(form(fingerprint))) {
            return false;
        }
        String earlier = script + "_" + storedForm;
        return warehouse.ownScriptText(earlier).isPresent()
                && warehouse
                        .queryOptional(earlier, Map.of(), MAPPER)
                        .map(inForm -> inForm.fingerprint().equals(stored))
                        .orElse(false);
    }
}
