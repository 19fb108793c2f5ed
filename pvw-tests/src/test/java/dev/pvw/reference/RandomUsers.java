package dev.pvw.reference;

import static java.util.Objects.requireNonNull;

import dev.pvw.testing.UserRow;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The users source system of a {@link RandomScenario}: users move, leave, come back and join between extracts, and
 * the extracts spell postcodes as messily as real ones, with NULL ids and duplicate or conflicting rows.
 */
final class RandomUsers {
    /** Ids 1 to 20 start as users and 21 to 30 may join later. */
    static final int IDS = 30;

    private static final int FIRST_USERS = 20;
    private static final List<String> POSTCODES = List.of("AB1 2CD", "EF3 4GH", "JK5 6LM", "NP7 8QR");

    private final Random random;
    /** The users as the source system has them; the unknown postcode is an empty Optional. */
    private final Map<Long, Optional<String>> present = new TreeMap<>();
    /** Deleted users with the postcode they left with, so that some return where they were. */
    private final Map<Long, Optional<String>> departed = new TreeMap<>();

    private final TreeSet<Long> notYetJoined = new TreeSet<>();

    RandomUsers(Random random) {
        this.random = requireNonNull(random, "random");
        for (long id = 1; id <= FIRST_USERS; id++) {
            present.put(id, randomPostcode());
        }
        for (long id = FIRST_USERS + 1; id <= IDS; id++) {
            notYetJoined.add(id);
        }
    }

    /** How many users the source system has now. */
    int size() {
        return present.size();
    }

    /**
     * The next daily extract, after the source system's changes: messy spacing and case, and now and then an identical
     * duplicate row, a second row agreeing once normalised, conflicting rows (for present or absent users) and NULL
     * ids.
     */
    List<UserRow> nextExtract() {
        evolve();
        List<UserRow> rows = new ArrayList<>();
        present.forEach((id, postcode) -> rows.add(new UserRow(id, render(postcode))));
        if (random.nextInt(10) < 3 && !rows.isEmpty()) {
            for (int index = 1 + random.nextInt(2); index > 0; index--) {
                rows.add(rows.get(random.nextInt(rows.size())));
            }
        }
        if (random.nextInt(10) < 3 && !present.isEmpty()) {
            Long id = anyOf(present.keySet());
            rows.add(new UserRow(id, render(present.get(id))));
        }
        if (random.nextInt(10) < 3) {
            for (int index = 1 + random.nextInt(2); index > 0; index--) {
                long id = 1 + random.nextInt(IDS);
                Optional<String> postcode = present.containsKey(id) ? present.get(id) : randomPostcode();
                rows.add(new UserRow(id, render(postcode)));
                rows.add(new UserRow(id, render(otherPostcode(postcode))));
            }
        }
        if (random.nextInt(10) < 3) {
            for (int index = 1 + random.nextInt(2); index > 0; index--) {
                rows.add(new UserRow(null, render(randomPostcode())));
            }
        }
        Collections.shuffle(rows, random);
        return rows;
    }

    /** An extract of fewer than half the users, as a broken extract process would load; the users do not change. */
    List<UserRow> shrunkExtract() {
        List<Long> ids = new ArrayList<>(present.keySet());
        Collections.shuffle(ids, random);
        int kept = Math.max(1, ids.size() / 2 - 1 - random.nextInt(3));
        List<UserRow> rows = new ArrayList<>();
        for (Long id : ids.subList(0, kept)) {
            rows.add(new UserRow(id, render(present.get(id))));
        }
        return rows;
    }

    /** NULL ids and ids with conflicting postcodes only. */
    List<UserRow> invalidExtract() {
        List<UserRow> rows = new ArrayList<>();
        rows.add(new UserRow(null, render(randomPostcode())));
        long id = 1 + random.nextInt(IDS);
        Optional<String> postcode = randomPostcode();
        rows.add(new UserRow(id, render(postcode)));
        rows.add(new UserRow(id, render(otherPostcode(postcode))));
        Collections.shuffle(rows, random);
        return rows;
    }

    /** The source system's changes since the last extract: moves, deletions, returns and new users. */
    private void evolve() {
        for (Long id : List.copyOf(present.keySet())) {
            int draw = random.nextInt(100);
            if (draw < 10) {
                present.put(id, randomPostcode());
            } else if (draw < 16) {
                departed.put(id, present.remove(id));
            }
        }
        for (Long id : List.copyOf(departed.keySet())) {
            if (random.nextInt(100) < 30) {
                Optional<String> leftWith = departed.remove(id);
                present.put(id, random.nextBoolean() ? leftWith : randomPostcode());
            }
        }
        int joining = random.nextInt(100) < 40 ? 1 + random.nextInt(2) : 0;
        for (int index = 0; index < joining && !notYetJoined.isEmpty(); index++) {
            present.put(notYetJoined.pollFirst(), randomPostcode());
        }
    }

    /** One of the four postcodes, or the unknown one one time in six. */
    private Optional<String> randomPostcode() {
        return random.nextInt(6) == 0 ? Optional.empty() : Optional.of(anyOf(POSTCODES));
    }

    /** A postcode that differs from this one once normalised, so that two rows with them conflict. */
    private Optional<String> otherPostcode(Optional<String> postcode) {
        while (true) {
            Optional<String> other = random.nextInt(5) == 0 ? Optional.empty() : Optional.of(anyOf(POSTCODES));
            if (!other.equals(postcode)) {
                return other;
            }
        }
    }

    /** How an extract might spell a postcode: any case, blanks around it; the unknown one NULL, empty or blank. */
    private String render(Optional<String> postcode) {
        if (postcode.isEmpty()) {
            return switch (random.nextInt(3)) {
                case 0 -> null;
                case 1 -> "";
                default -> "   ";
            };
        }
        String value = postcode.get();
        return switch (random.nextInt(6)) {
            case 0, 1 -> value;
            case 2 -> value.toLowerCase(Locale.ROOT);
            case 3 -> "  " + value;
            case 4 -> value.substring(0, 3).toLowerCase(Locale.ROOT) + value.substring(3) + " ";
            default -> "\t" + value.toLowerCase(Locale.ROOT) + "  ";
        };
    }

    private <T> T anyOf(Collection<T> values) {
        List<T> list = new ArrayList<>(values);
        return list.get(random.nextInt(list.size()));
    }
}
