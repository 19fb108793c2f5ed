package dev.pvw.simulate;

/** One row of {@code raw.users_extract}; either value may be null, as in a real extract. */
public record UserExtractRow(Long id, String postcode) {}
