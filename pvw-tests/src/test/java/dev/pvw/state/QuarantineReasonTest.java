package dev.pvw.state;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuarantineReasonTest {
    @Test
    void readsTheWordsTheQuarantineTablesHoldIgnoringCaseAndBlanks() {
        assertThat(QuarantineReason.of("null_user_id")).contains(QuarantineReason.NULL_USER_ID);
        assertThat(QuarantineReason.of(" Conflicting_Postcodes ")).contains(QuarantineReason.CONFLICTING_POSTCODES);
        assertThat(QuarantineReason.of("null user id")).isEmpty();
        assertThat(QuarantineReason.words())
                .isEqualTo(
                        "null_user_id, null_pageview_datetime, pageview_after_as_of, null_id, conflicting_postcodes");
    }

    @Test
    void eachReasonBelongsToTheExtractItsRowsComeFrom() {
        assertThat(QuarantineReason.PAGEVIEW_AFTER_AS_OF.source()).isEqualTo("pageviews");
        assertThat(QuarantineReason.NULL_ID.source()).isEqualTo("users");
    }
}
