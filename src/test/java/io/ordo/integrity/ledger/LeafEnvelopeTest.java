package io.ordo.integrity.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordo.integrity.merkle.MerkleHashing;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The leaf format is what every sealed ledger was built with: these bytes and hashes were taken from the format's first
 * implementation and must never change (a store sealed before would no longer verify).
 */
class LeafEnvelopeTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] PAYLOAD_HASH = sha256("{\"n\":1}");
    private static final StoredEvent PLACED = new StoredEvent(
            42,
            "0b7e6f0c-5d1e-4a43-9a0e-2f1c7e0b9d11",
            "Order",
            "order-ü-1",
            3,
            "io.ordo.order.api.OrderPlaced",
            "1",
            "2026-12-01T08:00:00.123Z",
            PAYLOAD_HASH,
            sha256("{}"));
    private static final StoredEvent CONFIRMED = new StoredEvent(
            43,
            "id-2",
            null,
            "order-2",
            0,
            "io.ordo.order.api.OrderConfirmed",
            null,
            "2026-12-01T08:00:01Z",
            PAYLOAD_HASH,
            null);

    @Test
    void anEventsEnvelopeAndLeafAreThoseOfFormatOne() {
        assertThat(HEX.formatHex(LeafEnvelope.event(7, PLACED)))
                .isEqualTo("01450000000000000007000000000000002a0000002430623765366630632d356431652d346134332d3961"
                        + "30652d326631633765306239643131000000054f726465720000000a6f726465722dc3bc2d310000000000000003"
                        + "0000001d696f2e6f72646f2e6f726465722e6170692e4f72646572506c61636564000000013100000018323032"
                        + "362d31322d30315430383a30303a30302e3132335a2bfd14f43d17fc7cea24e0917a8879b4b2f880b8baeec1b9"
                        + "d90fbaad655e71bd0144136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");
        assertThat(HEX.formatHex(LeafEnvelope.eventLeaf(7, PLACED)))
                .isEqualTo("8d7cd78111f2697f88ecec981f2ef3555a4d80638ccbe55e366e66808ee58715");
        assertThat(LeafEnvelope.eventLeaf(7, PLACED)).isEqualTo(MerkleHashing.leafHash(LeafEnvelope.event(7, PLACED)));
    }

    @Test
    void nullFieldsHaveTheirOwnBytes() {
        assertThat(HEX.formatHex(LeafEnvelope.eventLeaf(8, CONFIRMED)))
                .isEqualTo("db1ca19a17cf7591377d9bd55966bac8f62698328e642cde464375ba6c0ce30f");
    }

    @Test
    void aGapsLeafIsThatOfFormatOne() {
        assertThat(HEX.formatHex(LeafEnvelope.gapLeaf(9, 44, 46)))
                .isEqualTo("407c2c65065ffc239e27d7097f9b38bf936c7eaf9409f0c98b1a6832a8743011");
    }

    @Test
    void aLongFieldGrowsTheReusedBuffer() {
        StoredEvent longType =
                new StoredEvent(1, "id", "Order", "order-1", 0, "x".repeat(10_000), null, "t", PAYLOAD_HASH, null);
        assertThat(LeafEnvelope.eventLeaf(0, longType))
                .isEqualTo(MerkleHashing.leafHash(LeafEnvelope.event(0, longType)));
        assertThat(LeafEnvelope.event(0, longType)).hasSizeGreaterThan(10_000);
        assertThat(HEX.formatHex(LeafEnvelope.eventLeaf(7, PLACED)))
                .isEqualTo("8d7cd78111f2697f88ecec981f2ef3555a4d80638ccbe55e366e66808ee58715");
    }

    private static byte[] sha256(String text) {
        return MerkleHashing.sha256().digest(text.getBytes(StandardCharsets.UTF_8));
    }
}
