package dev.pvw.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FingerprintTest {
    @Test
    void anUntaggedFingerprintIsOfTheFirstFormAndATaggedOneOfItsTag() {
        assertThat(Fingerprint.form("3:-8817462")).isEqualTo("v1");
        assertThat(Fingerprint.form("0:0")).isEqualTo("v1");
        assertThat(Fingerprint.form("v2:3:-8817462")).isEqualTo("v2");
    }
}
