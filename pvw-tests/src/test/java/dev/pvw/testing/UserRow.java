package dev.pvw.testing;

/** One row of {@code raw.users_extract}; either value may be null, as in a real extract. */
public record UserRow(Long id, String postcode) {}
