package dev.pvw.simulate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * UK postcode districts, most popular first: fifty real busy ones, then districts of every postcode area in turn, so
 * that a scenario can spread its users over a few thousand districts as the real country does. Users are drawn with a
 * Zipf-like skew over this order (in the simulation SQL), so a few districts carry much of the traffic.
 */
final class PostcodeDistricts {
    static final List<String> POPULAR = List.of(
            "SW19", "E14", "N1", "M1", "SE1", "B1", "LS1", "SW11", "G1", "EC1", "BS1", "E1", "NW1", "W1", "EH1", "L1",
            "NE1", "CF10", "M20", "SE10", "BN1", "NG1", "S1", "B15", "LS6", "OX1", "CB1", "SW1", "N16", "E17", "W12",
            "SE15", "CV1", "LE1", "PL1", "EX1", "YO1", "AB10", "BT1", "SO14", "RG1", "MK9", "GU1", "KT1", "CR0", "TW9",
            "HA1", "IG1", "RM1", "DA1");

    /** The postcode areas of the UK, the letters that start every district. */
    static final List<String> AREAS = List.of(
            "AB", "AL", "B", "BA", "BB", "BD", "BH", "BL", "BN", "BR", "BS", "BT", "CA", "CB", "CF", "CH", "CM", "CO",
            "CR", "CT", "CV", "CW", "DA", "DD", "DE", "DG", "DH", "DL", "DN", "DT", "DY", "E", "EC", "EH", "EN", "EX",
            "FK", "FY", "G", "GL", "GU", "HA", "HD", "HG", "HP", "HR", "HS", "HU", "HX", "IG", "IP", "IV", "KA", "KT",
            "KW", "KY", "L", "LA", "LD", "LE", "LL", "LN", "LS", "LU", "M", "ME", "MK", "ML", "N", "NE", "NG", "NN",
            "NP", "NR", "NW", "OL", "OX", "PA", "PE", "PH", "PL", "PO", "PR", "RG", "RH", "RM", "S", "SA", "SE", "SG",
            "SK", "SL", "SM", "SN", "SO", "SP", "SR", "SS", "ST", "SW", "SY", "TA", "TD", "TF", "TN", "TQ", "TR", "TS",
            "TW", "UB", "W", "WA", "WC", "WD", "WF", "WN", "WR", "WS", "WV", "YO", "ZE");

    /** Districts numbered up to this in each area: about as many as the country has. */
    private static final int DISTRICTS_PER_AREA = 25;

    static final int MAX_DISTRICTS = 3_000;

    private PostcodeDistricts() {}

    /** The {@code count} most popular districts, most popular first. */
    static List<String> mostPopular(int count) {
        if (count < 1 || count > MAX_DISTRICTS) {
            throw new IllegalArgumentException("count must be from 1 to " + MAX_DISTRICTS + ", not " + count);
        }
        Set<String> districts = new LinkedHashSet<>(POPULAR);
        for (int number = 1; districts.size() < count && number <= DISTRICTS_PER_AREA; number++) {
            for (String area : AREAS) {
                districts.add(area + number);
            }
        }
        return List.copyOf(new ArrayList<>(districts).subList(0, count));
    }
}
