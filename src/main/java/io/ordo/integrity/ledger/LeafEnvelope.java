package io.ordo.integrity.ledger;

import io.ordo.integrity.merkle.MerkleHashing;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The canonical bytes a leaf seals (format 1, docs/integrity.md#the-leaf). Big-endian throughout; a string is a
 * 4-byte length then its UTF-8 bytes, length -1 for NULL; a hash is its 32 bytes, a nullable hash one byte 0/1 then
 * the 32 bytes when present. Every field is length-prefixed or fixed-size, so no two envelopes share their bytes.
 *
 * <pre>
 * event: 0x01 'E' ledgerIndex:int64 globalIndex:int64 eventIdentifier:str aggregateType:str? aggregateIdentifier:str
 *        sequenceNumber:int64 payloadType:str payloadRevision:str? timestamp:str sha256(payload):32
 *        sha256(metaData):hash?
 * gap:   0x01 'G' ledgerIndex:int64 firstGlobalIndex:int64 lastGlobalIndex:int64
 * </pre>
 */
public final class LeafEnvelope {

    private static final int FORMAT = 1;

    private LeafEnvelope() {}

    public static byte[] event(long ledgerIndex, StoredEvent event) {
        return write(out -> {
            out.writeByte(FORMAT);
            out.writeByte('E');
            out.writeLong(ledgerIndex);
            out.writeLong(event.globalIndex());
            string(out, event.eventIdentifier());
            string(out, event.aggregateType());
            string(out, event.aggregateIdentifier());
            out.writeLong(event.sequenceNumber());
            string(out, event.payloadType());
            string(out, event.payloadRevision());
            string(out, event.timestamp());
            out.write(event.payloadHash());
            if (event.metaDataHash() == null) {
                out.writeByte(0);
            } else {
                out.writeByte(1);
                out.write(event.metaDataHash());
            }
        });
    }

    public static byte[] gap(long ledgerIndex, long firstGlobalIndex, long lastGlobalIndex) {
        return write(out -> {
            out.writeByte(FORMAT);
            out.writeByte('G');
            out.writeLong(ledgerIndex);
            out.writeLong(firstGlobalIndex);
            out.writeLong(lastGlobalIndex);
        });
    }

    public static byte[] eventLeaf(long ledgerIndex, StoredEvent event) {
        return MerkleHashing.leafHash(event(ledgerIndex, event));
    }

    public static byte[] gapLeaf(long ledgerIndex, long firstGlobalIndex, long lastGlobalIndex) {
        return MerkleHashing.leafHash(gap(ledgerIndex, firstGlobalIndex, lastGlobalIndex));
    }

    private static void string(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private interface Fields {
        void write(DataOutputStream out) throws IOException;
    }

    private static byte[] write(Fields fields) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            fields.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory", e);
        }
        return bytes.toByteArray();
    }
}
