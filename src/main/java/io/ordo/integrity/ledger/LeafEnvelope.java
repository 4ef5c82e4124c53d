package io.ordo.integrity.ledger;

import io.ordo.integrity.merkle.MerkleHashing;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

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

    /**
     * One buffer per thread, reused: a verification writes an envelope for every leaf, and writing each into a stream
     * of its own (and copying it out) was an eighth of the verifying thread's time. Nothing here calls out while it is
     * in use.
     */
    private static final ThreadLocal<Envelope> ENVELOPE = ThreadLocal.withInitial(Envelope::new);

    private LeafEnvelope() {}

    public static byte[] event(long ledgerIndex, StoredEvent event) {
        return writeEvent(ledgerIndex, event).bytes();
    }

    public static byte[] gap(long ledgerIndex, long firstGlobalIndex, long lastGlobalIndex) {
        return writeGap(ledgerIndex, firstGlobalIndex, lastGlobalIndex).bytes();
    }

    public static byte[] eventLeaf(long ledgerIndex, StoredEvent event) {
        return writeEvent(ledgerIndex, event).leafHash();
    }

    public static byte[] gapLeaf(long ledgerIndex, long firstGlobalIndex, long lastGlobalIndex) {
        return writeGap(ledgerIndex, firstGlobalIndex, lastGlobalIndex).leafHash();
    }

    private static Envelope writeEvent(long ledgerIndex, StoredEvent event) {
        Envelope out = ENVELOPE.get().empty();
        out.writeByte(FORMAT);
        out.writeByte('E');
        out.writeLong(ledgerIndex);
        out.writeLong(event.globalIndex());
        out.writeString(event.eventIdentifier());
        out.writeString(event.aggregateType());
        out.writeString(event.aggregateIdentifier());
        out.writeLong(event.sequenceNumber());
        out.writeString(event.payloadType());
        out.writeString(event.payloadRevision());
        out.writeString(event.timestamp());
        out.write(event.payloadHash());
        if (event.metaDataHash() == null) {
            out.writeByte(0);
        } else {
            out.writeByte(1);
            out.write(event.metaDataHash());
        }
        return out;
    }

    private static Envelope writeGap(long ledgerIndex, long firstGlobalIndex, long lastGlobalIndex) {
        Envelope out = ENVELOPE.get().empty();
        out.writeByte(FORMAT);
        out.writeByte('G');
        out.writeLong(ledgerIndex);
        out.writeLong(firstGlobalIndex);
        out.writeLong(lastGlobalIndex);
        return out;
    }

    /** A growing big-endian byte buffer, as {@code DataOutputStream} writes, without a stream or a copy per leaf. */
    private static final class Envelope {

        private byte[] buffer = new byte[512];
        private int length;

        Envelope empty() {
            length = 0;
            return this;
        }

        void writeByte(int value) {
            ensure(1);
            buffer[length++] = (byte) value;
        }

        void writeInt(int value) {
            ensure(4);
            for (int shift = 24; shift >= 0; shift -= 8) {
                buffer[length++] = (byte) (value >>> shift);
            }
        }

        void writeLong(long value) {
            ensure(8);
            for (int shift = 56; shift >= 0; shift -= 8) {
                buffer[length++] = (byte) (value >>> shift);
            }
        }

        void write(byte[] bytes) {
            ensure(bytes.length);
            System.arraycopy(bytes, 0, buffer, length, bytes.length);
            length += bytes.length;
        }

        /** Length then UTF-8 bytes, -1 for NULL; ASCII (every identifier and type name) written as is, uncopied. */
        void writeString(String value) {
            if (value == null) {
                writeInt(-1);
                return;
            }
            int start = length;
            writeInt(value.length());
            ensure(value.length());
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c >= 0x80) {
                    length = start;
                    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
                    writeInt(utf8.length);
                    write(utf8);
                    return;
                }
                buffer[length++] = (byte) c;
            }
        }

        byte[] bytes() {
            return Arrays.copyOf(buffer, length);
        }

        byte[] leafHash() {
            return MerkleHashing.leafHash(buffer, 0, length);
        }

        private void ensure(int more) {
            if (length + more > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
            }
        }
    }
}
