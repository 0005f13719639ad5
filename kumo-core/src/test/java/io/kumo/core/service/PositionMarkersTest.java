package io.kumo.core.service;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PositionMarkersTest {

    @Test
    void aMarkerNamesThePositionOfTheNextPage() {
        List<Integer> all = List.of(1, 2, 3, 4, 5);
        PositionMarkers.Slice<Integer> first = PositionMarkers.slice(all, 0, 2);
        assertThat(first.items()).containsExactly(1, 2);
        assertThat(PositionMarkers.decode(first.next())).hasValue(2);
        PositionMarkers.Slice<Integer> last = PositionMarkers.slice(all, 4, 2);
        assertThat(last.items()).containsExactly(5);
        assertThat(last.next()).as("no marker after the last page").isNull();
        assertThat(PositionMarkers.slice(all, 5, 2).items()).isEmpty();
    }

    @Test
    void anythingElseIsNotAMarker() {
        assertThat(PositionMarkers.decode("not base64!")).isEmpty();
        assertThat(PositionMarkers.decode(PositionMarkers.encode(7).substring(1))).isEmpty();
        assertThat(PositionMarkers.decode("cHg")).as("p then no number").isEmpty();
        assertThat(PositionMarkers.decode("cC0z")).as("a negative position").isEmpty();
    }
}
