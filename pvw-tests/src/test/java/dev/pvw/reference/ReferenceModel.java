package dev.pvw.reference;

import static java.util.Objects.requireNonNull;

import dev.pvw.testing.MartRow;
import dev.pvw.testing.PageviewRow;
import dev.pvw.testing.UserRow;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A brute-force model of SPEC.md sections 3 and 4: it keeps only what the runs accepted (the users snapshots and the
 * pageview batch standing for each hour) and recomputes both marts from scratch, straight from the attribution rules.
 *
 * <p>It is deliberately naive, with no history table, no fact and no deltas, so that it can be checked by reading
 * it against the spec. Project decisions the spec leaves open:
 *
 * <ul>
 *   <li>An empty users extract before any snapshot was accepted is "no snapshot yet" (exit 0); after one was
 *       accepted it is refused like any extract with no valid rows (exit 3).
 *   <li>"The same content" is the multiset of raw extract rows: the same rows in another order are the same content,
 *       a duplicated row is different content.
 *   <li>A pageviews extract whose raw content equals that of a standing batch changes nothing, even when this run's
 *       {@code --as-of} would now accept rows that were in the future before, and so give it another hour. One that
 *       had no valid row stands for no hour and is read again.
 *   <li>A pageviews extract with no valid row has no hour: its rows are quarantined and nothing else happens. An empty
 *       pageviews extract does nothing.
 * </ul>
 */
public final class ReferenceModel {
    /** Both marts' order, as the test fixture reads them: by hour, then postcode with the unknown one first. */
    private static final Comparator<MartRow> MART_ORDER = Comparator.comparing(MartRow::hourStart)
            .thenComparing(MartRow::postcode, Comparator.nullsFirst(Comparator.naturalOrder()));

    /** Accepted snapshots in order of effective day; a same-day replacement has taken the replaced one's place. */
    private final List<Snapshot> snapshots = new ArrayList<>();

    /** The batch standing for each batch hour. */
    private final Map<LocalDateTime, Batch> batchesByHour = new HashMap<>();

    /** One {@code pvw run --as-of asOf [--allow-shrink]} over what the two extract tables hold now. */
    public RunOutcome run(
            LocalDateTime asOf, boolean allowShrink, List<UserRow> usersExtract, List<PageviewRow> pageviewsExtract) {
        requireNonNull(asOf, "asOf");
        requireNonNull(usersExtract, "usersExtract");
        requireNonNull(pageviewsExtract, "pageviewsExtract");
        // A refused snapshot must not stop the batch (SPEC 4), so the two steps are independent.
        UsersOutcome users = takeUsers(asOf.toLocalDate(), allowShrink, usersExtract);
        PageviewsOutcome pageviews = takePageviews(asOf, pageviewsExtract);
        return new RunOutcome(users, pageviews);
    }

    /** {@code mart.pageviews_hourly_by_current_postcode}, by hour then postcode, the unknown one first. */
    public List<MartRow> currentMart() {
        return mart(row -> currentPostcode(row.userId()));
    }

    /** {@code mart.pageviews_hourly_by_postcode_at_view}, by hour then postcode, the unknown one first. */
    public List<MartRow> atViewMart() {
        return mart(row -> postcodeAtView(row.userId(), row.pageviewDatetime()));
    }

    /**
     * Trimmed of white space and upper-cased; empty (or NULL) is the unknown postcode. The scenarios only pad with
     * blanks and tabs, where every reasonable reading of "trimmed" agrees.
     */
    private static Optional<String> normalise(String postcode) {
        if (postcode == null) {
            return Optional.empty();
        }
        String normalised = postcode.strip().toUpperCase(Locale.ROOT);
        return normalised.isEmpty() ? Optional.empty() : Optional.of(normalised);
    }

    private UsersOutcome takeUsers(LocalDate day, boolean allowShrink, List<UserRow> extract) {
        Optional<Snapshot> last = lastSnapshot();
        if (last.isEmpty() && extract.isEmpty()) {
            return UsersOutcome.NO_SNAPSHOT_YET;
        }
        Map<UserRow, Long> content = multiset(extract);
        if (last.isPresent() && last.get().content().equals(content)) {
            return UsersOutcome.UNCHANGED;
        }
        if (last.isPresent() && day.isBefore(last.get().effectiveDay())) {
            return UsersOutcome.REFUSED_EARLIER_DAY;
        }

        Map<Long, Set<Optional<String>>> postcodesById = new HashMap<>();
        for (UserRow row : extract) {
            if (row.id() != null) {
                postcodesById.computeIfAbsent(row.id(), id -> new HashSet<>()).add(normalise(row.postcode()));
            }
        }
        // A valid row has an id whose rows all agree on the normalised postcode.
        boolean anyValidRow = postcodesById.values().stream().anyMatch(postcodes -> postcodes.size() == 1);
        if (!anyValidRow) {
            return UsersOutcome.REFUSED_NO_VALID_ROWS;
        }
        if (!allowShrink
                && last.isPresent()
                && 2L * postcodesById.size() < last.get().distinctIds()) {
            return UsersOutcome.REFUSED_SHRINK;
        }

        boolean replacing = last.isPresent() && last.get().effectiveDay().equals(day);
        if (replacing) {
            snapshots.remove(snapshots.size() - 1);
        }
        // After a same-day replacement the replaced snapshot never happened, so "previous" is the one before it.
        Map<Long, Optional<String>> previousUsers =
                lastSnapshot().map(Snapshot::users).orElse(Map.of());
        Map<Long, Optional<String>> users = new HashMap<>();
        postcodesById.forEach((id, postcodes) -> {
            if (postcodes.size() == 1) {
                users.put(id, postcodes.iterator().next());
            } else if (previousUsers.containsKey(id)) {
                users.put(id, previousUsers.get(id));
            }
        });
        snapshots.add(new Snapshot(day, content, postcodesById.size(), users));
        return replacing ? UsersOutcome.REPLACED_SAME_DAY : UsersOutcome.ACCEPTED;
    }

    private PageviewsOutcome takePageviews(LocalDateTime asOf, List<PageviewRow> extract) {
        if (extract.isEmpty()) {
            return PageviewsOutcome.EMPTY;
        }
        List<PageviewRow> validRows = extract.stream()
                .filter(row -> row.userId() != null
                        && row.pageviewDatetime() != null
                        && !row.pageviewDatetime().isAfter(asOf))
                .toList();
        if (validRows.isEmpty()) {
            return PageviewsOutcome.NO_VALID_ROWS;
        }
        Map<PageviewRow, Long> content = multiset(extract);
        if (batchesByHour.values().stream().anyMatch(batch -> batch.content().equals(content))) {
            return PageviewsOutcome.UNCHANGED;
        }
        LocalDateTime batchHour = batchHour(validRows);
        Batch standing = batchesByHour.get(batchHour);
        batchesByHour.put(batchHour, new Batch(content, validRows));
        return standing == null ? PageviewsOutcome.LOADED : PageviewsOutcome.REPLACED;
    }

    /** The hour most valid rows fall in; a tie goes to the later hour. */
    static LocalDateTime batchHour(List<PageviewRow> validRows) {
        Map<LocalDateTime, Long> rowsByHour = multiset(
                validRows.stream().map(row -> hour(row.pageviewDatetime())).toList());
        return rowsByHour.entrySet().stream()
                .max(Map.Entry.<LocalDateTime, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .orElseThrow()
                .getKey();
    }

    /** The postcode of the latest snapshot containing the user; unknown if none does. */
    private Optional<String> currentPostcode(long userId) {
        Optional<String> postcode = Optional.empty();
        for (Snapshot snapshot : snapshots) {
            if (snapshot.users().containsKey(userId)) {
                postcode = snapshot.users().get(userId);
            }
        }
        return postcode;
    }

    /**
     * The postcode of the latest snapshot containing the user effective at or before the view, or of the earliest
     * containing it when the view is before all of them; unknown if none does.
     */
    private Optional<String> postcodeAtView(long userId, LocalDateTime viewedAt) {
        List<Snapshot> containing = snapshots.stream()
                .filter(snapshot -> snapshot.users().containsKey(userId))
                .toList();
        if (containing.isEmpty()) {
            return Optional.empty();
        }
        Snapshot chosen = containing.get(0);
        for (Snapshot snapshot : containing) {
            if (!snapshot.effectiveFrom().isAfter(viewedAt)) {
                chosen = snapshot;
            }
        }
        return chosen.users().get(userId);
    }

    private List<MartRow> mart(Function<PageviewRow, Optional<String>> postcodeOfView) {
        Map<HourAndPostcode, Long> pageviews = new HashMap<>();
        for (Batch batch : batchesByHour.values()) {
            for (PageviewRow row : batch.validRows()) {
                HourAndPostcode key = new HourAndPostcode(hour(row.pageviewDatetime()), postcodeOfView.apply(row));
                pageviews.merge(key, 1L, Long::sum);
            }
        }
        return pageviews.entrySet().stream()
                .map(entry -> new MartRow(
                        entry.getKey().hourStart(), entry.getKey().postcode().orElse(null), entry.getValue()))
                .sorted(MART_ORDER)
                .toList();
    }

    private Optional<Snapshot> lastSnapshot() {
        return snapshots.isEmpty() ? Optional.empty() : Optional.of(snapshots.get(snapshots.size() - 1));
    }

    private static LocalDateTime hour(LocalDateTime time) {
        return time.truncatedTo(ChronoUnit.HOURS);
    }

    private static <T> Map<T, Long> multiset(List<T> elements) {
        Map<T, Long> counts = new HashMap<>();
        for (T element : elements) {
            counts.merge(element, 1L, Long::sum);
        }
        return Map.copyOf(counts);
    }

    /** What a run does with the users extract. */
    public enum UsersOutcome {
        NO_SNAPSHOT_YET,
        UNCHANGED,
        ACCEPTED,
        REPLACED_SAME_DAY,
        REFUSED_EARLIER_DAY,
        REFUSED_NO_VALID_ROWS,
        REFUSED_SHRINK;

        boolean refused() {
            return switch (this) {
                case NO_SNAPSHOT_YET, UNCHANGED, ACCEPTED, REPLACED_SAME_DAY -> false;
                case REFUSED_EARLIER_DAY, REFUSED_NO_VALID_ROWS, REFUSED_SHRINK -> true;
            };
        }
    }

    /** What a run does with the pageviews extract. */
    public enum PageviewsOutcome {
        EMPTY,
        NO_VALID_ROWS,
        UNCHANGED,
        LOADED,
        REPLACED
    }

    /** What one run does with each extract, and so the exit code it must end with. */
    public record RunOutcome(UsersOutcome users, PageviewsOutcome pageviews) {
        public RunOutcome {
            requireNonNull(users, "users");
            requireNonNull(pageviews, "pageviews");
        }

        /** 3 when a guard refused the users snapshot (SPEC 1), else 0. */
        public int exitCode() {
            return users.refused() ? 3 : 0;
        }
    }

    /** An accepted users snapshot: its raw content and the users it holds, each with a postcode or unknown. */
    private record Snapshot(
            LocalDate effectiveDay, Map<UserRow, Long> content, int distinctIds, Map<Long, Optional<String>> users) {
        Snapshot {
            requireNonNull(effectiveDay, "effectiveDay");
            content = Map.copyOf(content);
            users = Map.copyOf(users);
        }

        LocalDateTime effectiveFrom() {
            return effectiveDay.atStartOfDay();
        }
    }

    /** The batch standing for an hour: its raw content (to recognise it again) and the rows it counts. */
    private record Batch(Map<PageviewRow, Long> content, List<PageviewRow> validRows) {
        Batch {
            content = Map.copyOf(content);
            validRows = List.copyOf(validRows);
        }
    }

    private record HourAndPostcode(LocalDateTime hourStart, Optional<String> postcode) {}
}
