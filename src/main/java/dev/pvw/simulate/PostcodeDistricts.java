package dev.pvw.simulate;

import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Real UK postcode districts, most popular first, drawn with a Zipf-like skew so that a few districts carry much of
 * the traffic, as in real data, and the busiest postcodes stand out.
 */
final class PostcodeDistricts {
    static final List<String> DISTRICTS = List.of(
            "SW19", "E14", "N1", "M1", "SE1", "B1", "LS1", "SW11", "G1", "EC1", "BS1", "E1", "NW1", "W1", "EH1", "L1",
            "NE1", "CF10", "M20", "SE10", "BN1", "NG1", "S1", "B15", "LS6", "OX1", "CB1", "SW1", "N16", "E17", "W12",
            "SE15", "CV1", "LE1", "PL1", "EX1", "YO1", "AB10", "BT1", "SO14", "RG1", "MK9", "GU1", "KT1", "CR0", "TW9",
            "HA1", "IG1", "RM1", "DA1");

    /** How steeply popularity falls with rank: 1 is classic Zipf; a little less keeps the tail visible. */
    private static final double SKEW = 0.9;

    private static final double[] CUMULATIVE_WEIGHTS = cumulativeWeights();

    private PostcodeDistricts() {}

    /** A district, the popular ones more often. */
    static String draw(RandomGenerator random) {
        double target = random.nextDouble() * CUMULATIVE_WEIGHTS[CUMULATIVE_WEIGHTS.length - 1];
        for (int index = 0; index < CUMULATIVE_WEIGHTS.length; index++) {
            if (target < CUMULATIVE_WEIGHTS[index]) {
                return DISTRICTS.get(index);
            }
        }
        return DISTRICTS.get(DISTRICTS.size() - 1);
    }

    /** A district other than {@code current}, for a user who moves. */
    static String drawOtherThan(String current, RandomGenerator random) {
        while (true) {
            String district = draw(random);
            if (!district.equals(current)) {
                return district;
            }
        }
    }

    /**
     * The district as a careless source system might write it: lower case, stray blanks or a tab around it. The
     * pipeline trims and upper-cases postcodes, so these must count as the district itself.
     */
    static String messy(String district, RandomGenerator random) {
        return switch (random.nextInt(5)) {
            case 0 -> district.toLowerCase(Locale.ROOT);
            case 1 -> " " + district;
            case 2 -> district + "  ";
            case 3 -> "\t" + district.toLowerCase(Locale.ROOT);
            default -> district.charAt(0) + district.substring(1).toLowerCase(Locale.ROOT) + " ";
        };
    }

    private static double[] cumulativeWeights() {
        double[] cumulative = new double[DISTRICTS.size()];
        double total = 0;
        for (int rank = 0; rank < cumulative.length; rank++) {
            total += 1 / Math.pow(rank + 1, SKEW);
            cumulative[rank] = total;
        }
        return cumulative;
    }
}
