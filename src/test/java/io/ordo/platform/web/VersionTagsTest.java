package io.ordo.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponse;

class VersionTagsTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"\"0\"|0", "\"17\"|17", "  \"17\"  |17", "\"17\", W/\"17\"|17", "\"17\", \"17\"|17", ",\"4\",|4"})
    void readsTheVersionIfMatchNames(String ifMatch, long version) {
        assertThat(VersionTags.expectedVersion(ifMatch)).isEqualTo(version);
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", " * "})
    void anyVersionWithoutIfMatchOrWithAStar(String ifMatch) {
        assertThat(VersionTags.expectedVersion(ifMatch)).isNull();
        assertThat(VersionTags.expectedVersion(null)).isNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                ",",
                "3",
                "\"3",
                "3\"",
                "W/3",
                "\"3\" \"4\"",
                "\"3\";x",
                "*, \"3\"",
                "\"a b\"",
                "w/\"3\""
            })
    void aMalformedIfMatchIsABadRequest(String ifMatch) {
        assertStatus(ifMatch, HttpStatus.BAD_REQUEST);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"3\", \"4\"", "\"3\",\"4\",\"5\""})
    void moreThanOneVersionIsABadRequest(String ifMatch) {
        assertStatus(ifMatch, HttpStatus.BAD_REQUEST);
    }

    @ParameterizedTest
    @ValueSource(strings = {"W/\"3\"", "\"abc\"", "\"-1\"", "\"007\"", "\"\"", "\"99999999999999999999\""})
    void tagsThatCanBeNoVersionNeverMatch(String ifMatch) {
        assertStatus(ifMatch, HttpStatus.PRECONDITION_FAILED);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 5, Long.MAX_VALUE})
    void anETagReadsBackAsItsVersion(long version) {
        assertThat(VersionTags.etag(version)).isEqualTo("\"" + version + "\"");
        assertThat(VersionTags.expectedVersion(VersionTags.etag(version))).isEqualTo(version);
    }

    private static void assertStatus(String ifMatch, HttpStatus status) {
        assertThatThrownBy(() -> VersionTags.expectedVersion(ifMatch))
                .isInstanceOf(ErrorResponse.class)
                .satisfies(e -> assertThat(((ErrorResponse) e).getStatusCode()).isEqualTo(status));
    }
}
