package io.ordo.integrity.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The well-known RFC 6962 / RFC 9162 test vectors (the eight leaves, roots, audit paths and consistency proofs that
 * certificate-transparency-go, Trillian and transparency-dev/merkle all test against), computed here from stored
 * perfect subtrees, and every proof also checked by the RFC's verification algorithms, which must refuse a proof with
 * one bit flipped, one hash missing or checked against the wrong size.
 */
class MerkleTreeTest {

    private static final HexFormat HEX = HexFormat.of();

    private static final String[] LEAVES = {
        "", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"
    };

    private static final String[] ROOTS = {
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    };

    private final Map<String, byte[]> stored = new HashMap<>();
    private final MerkleTree tree = new MerkleTree(this::storedHash);

    MerkleTreeTest() {
        CompactRange range = new CompactRange();
        for (String leaf : LEAVES) {
            range.append(
                    MerkleHashing.leafHash(HEX.parseHex(leaf)),
                    (level, position, hash) -> stored.put(level + "/" + position, hash));
        }
    }

    private byte[] storedHash(int level, long position) {
        byte[] hash = stored.get(level + "/" + position);
        assertThat(hash).as("stored subtree %d/%d", level, position).isNotNull();
        return hash;
    }

    @Test
    void theRootOfEverySizeIsTheVectorsRoot() {
        CompactRange growing = new CompactRange();
        assertThat(HEX.formatHex(tree.root(0)))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        for (int size = 1; size <= LEAVES.length; size++) {
            growing.append(MerkleHashing.leafHash(HEX.parseHex(LEAVES[size - 1])));
            assertThat(HEX.formatHex(tree.root(size))).as("size %d", size).isEqualTo(ROOTS[size - 1]);
            assertThat(HEX.formatHex(growing.root()))
                    .as("compact, size %d", size)
                    .isEqualTo(ROOTS[size - 1]);
            assertThat(HEX.formatHex(CompactRange.of(size, this::storedHash).root()))
                    .isEqualTo(ROOTS[size - 1]);
        }
    }

    @ParameterizedTest
    @CsvSource({
        "0, 8, 96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7 "
                + "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e "
                + "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
        "5, 8, bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b "
                + "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0 "
                + "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "2, 3, fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "1, 5, 6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d "
                + "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e "
                + "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
    })
    void inclusionProofsAreTheVectorsAndVerify(long index, long size, String expected) {
        List<byte[]> proof = tree.inclusionProof(index, size);
        assertThat(proof.stream().map(HEX::formatHex)).containsExactly(expected.split(" "));

        byte[] leaf = MerkleHashing.leafHash(HEX.parseHex(LEAVES[(int) index]));
        byte[] root = HEX.parseHex(ROOTS[(int) size - 1]);
        assertThat(InclusionVerifier.verify(index, size, leaf, proof, root)).isTrue();
        assertThat(InclusionVerifier.verify(index + 1, size, leaf, proof, root)).isFalse();
        assertThat(InclusionVerifier.verify(index, size * 2, leaf, proof, root)).isFalse();
        assertThat(InclusionVerifier.verify(index, size, root, proof, root)).isFalse();
        assertThat(InclusionVerifier.verify(index, size, leaf, proof.subList(0, proof.size() - 1), root))
                .isFalse();
        for (int i = 0; i < proof.size(); i++) {
            assertThat(InclusionVerifier.verify(index, size, leaf, flipped(proof, i), root))
                    .isFalse();
        }
    }

    @Test
    void everyLeafOfEverySizeHasAProofThatVerifies() {
        for (int size = 1; size <= LEAVES.length; size++) {
            for (int index = 0; index < size; index++) {
                byte[] leaf = MerkleHashing.leafHash(HEX.parseHex(LEAVES[index]));
                assertThat(InclusionVerifier.verify(
                                index, size, leaf, tree.inclusionProof(index, size), HEX.parseHex(ROOTS[size - 1])))
                        .as("%d in %d", index, size)
                        .isTrue();
            }
        }
    }

    @ParameterizedTest
    @CsvSource({
        "1, 1, ''",
        "1, 8, 96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7 "
                + "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e "
                + "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
        "6, 8, 0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a "
                + "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0 "
                + "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "2, 5, 5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e "
                + "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
        "6, 7, 0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a "
                + "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f "
                + "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    })
    void consistencyProofsAreTheVectorsAndVerify(long first, long second, String expected) {
        List<byte[]> proof = tree.consistencyProof(first, second);
        assertThat(proof.stream().map(HEX::formatHex))
                .containsExactly(expected.isEmpty() ? new String[0] : expected.split(" "));

        byte[] firstRoot = HEX.parseHex(ROOTS[(int) first - 1]);
        byte[] secondRoot = HEX.parseHex(ROOTS[(int) second - 1]);
        assertThat(ConsistencyVerifier.verify(first, second, firstRoot, secondRoot, proof))
                .isTrue();
        if (!proof.isEmpty()) {
            assertThat(ConsistencyVerifier.verify(first, second, secondRoot, firstRoot, proof))
                    .isFalse();
            assertThat(ConsistencyVerifier.verify(first + 1, second, firstRoot, secondRoot, proof))
                    .isFalse();
            assertThat(ConsistencyVerifier.verify(first, second, firstRoot, secondRoot, List.of()))
                    .isFalse();
            for (int i = 0; i < proof.size(); i++) {
                assertThat(ConsistencyVerifier.verify(first, second, firstRoot, secondRoot, flipped(proof, i)))
                        .isFalse();
            }
        }
    }

    @Test
    void everyPairOfSizesHasAConsistencyProofThatVerifies() {
        for (int second = 1; second <= LEAVES.length; second++) {
            for (int first = 0; first <= second; first++) {
                byte[] firstRoot = tree.root(first);
                assertThat(ConsistencyVerifier.verify(
                                first,
                                second,
                                firstRoot,
                                HEX.parseHex(ROOTS[second - 1]),
                                tree.consistencyProof(first, second)))
                        .as("%d to %d", first, second)
                        .isTrue();
            }
        }
    }

    private static List<byte[]> flipped(List<byte[]> proof, int index) {
        List<byte[]> copy = new ArrayList<>(proof);
        byte[] hash = copy.get(index).clone();
        hash[0] ^= 8;
        copy.set(index, hash);
        return copy;
    }
}
