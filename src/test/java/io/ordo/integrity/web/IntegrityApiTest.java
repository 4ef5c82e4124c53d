package io.ordo.integrity.web;

import static io.ordo.support.Orders.placeOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.integrity.checkpoint.Checkpoint;
import io.ordo.integrity.checkpoint.CheckpointVerifier;
import io.ordo.integrity.checkpoint.SigningKeys;
import io.ordo.integrity.document.LeafDocument;
import io.ordo.integrity.merkle.ConsistencyVerifier;
import io.ordo.integrity.merkle.InclusionVerifier;
import io.ordo.integrity.verifier.LedgerVerifier;
import io.ordo.support.HttpJson;
import io.ordo.support.HttpJson.Response;
import io.ordo.support.HttpTest;
import io.ordo.support.Products;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The ledger through the API of a running service: an order's event is sealed, its proof verifies against the signed
 * checkpoint with nothing but the published key, checkpoints are consistent with each other, and a full verification
 * passes. Checked the way a client that does not trust the service would: with the RFC's algorithms, not the service.
 */
@HttpTest
class IntegrityApiTest {

    private static final Base64.Decoder BASE64 = Base64.getDecoder();

    @Autowired
    HttpJson http;

    HttpJson admin;

    @BeforeEach
    void client() {
        admin = http.asAdmin();
        Products.ensureStandardProducts(http);
    }

    @Test
    void anOrdersEventIsSealedAndItsProofVerifiesAgainstTheSignedCheckpoint(@TempDir Path dir) throws Exception {
        String orderId = "ledger-" + UUID.randomUUID();
        assertThat(http.post("/api/orders", placeOrder(orderId, "c-ledger")).status())
                .isEqualTo(201);

        JsonNode proof = await().atMost(Duration.ofSeconds(20))
                .until(() -> http.unchecked().get("/api/orders/" + orderId + "/events/0/proof"), r -> r.status() == 200)
                .json();
        CheckpointVerifier signatures = new CheckpointVerifier(SigningKeys.fromPublicPem(
                http.get("/api/integrity/public-key").json().get("pem").asText()));
        JsonNode checkpoint = proof.get("checkpoint");
        assertThat(signatures.isSigned(checkpoint(checkpoint))).isTrue();

        LeafDocument leaf =
                new com.fasterxml.jackson.databind.ObjectMapper().treeToValue(proof.get("leaf"), LeafDocument.class);
        assertThat(leaf.aggregateIdentifier()).isEqualTo(orderId);
        assertThat(leaf.payloadType()).endsWith("OrderPlaced");
        assertThat(leaf.leafHash()).isEqualTo(bytes(proof.get("leafHash")));
        assertThat(InclusionVerifier.verify(
                        leaf.ledgerIndex(),
                        checkpoint.get("treeSize").asLong(),
                        leaf.leafHash(),
                        hashes(proof.get("auditPath")),
                        bytes(checkpoint.get("rootHash"))))
                .isTrue();

        Path checkpointFile = Files.writeString(dir.resolve("checkpoint.json"), checkpoint.toString());
        Path proofFile = Files.writeString(dir.resolve("proof.json"), proof.toString());
        Path keyFile = Files.writeString(
                dir.resolve("ledger.pub.pem"),
                http.get("/api/integrity/public-key").json().get("pem").asText());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = new LedgerVerifier(new PrintStream(out, true, StandardCharsets.UTF_8)).run(new String[] {
            "proof",
            "--public-key",
            keyFile.toString(),
            "--checkpoint",
            checkpointFile.toString(),
            "--proof",
            proofFile.toString()
        });
        assertThat(status).as(out.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("OK: event", orderId);
    }

    @Test
    void aLaterTreeIsConsistentWithAnEarlierOne() {
        http.post("/api/orders", placeOrder("ledger-" + UUID.randomUUID(), "c-ledger"));
        long first = await().atMost(Duration.ofSeconds(20))
                .until(() -> http.unchecked().get("/api/integrity/checkpoint"), r -> r.status() == 200)
                .json()
                .get("treeSize")
                .asLong();
        http.post("/api/orders", placeOrder("ledger-" + UUID.randomUUID(), "c-ledger"));
        long second = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> http.get("/api/integrity/checkpoint")
                                .json()
                                .get("treeSize")
                                .asLong(),
                        size -> size > first);

        JsonNode proof = http.get("/api/integrity/consistency?from=" + first + "&to=" + second)
                .json();

        assertThat(ConsistencyVerifier.verify(
                        first,
                        second,
                        bytes(proof.get("fromCheckpoint").get("rootHash")),
                        bytes(proof.get("toCheckpoint").get("rootHash")),
                        hashes(proof.get("proof"))))
                .isTrue();
    }

    @Test
    void aFullVerificationRunsAsAJobAndPasses() {
        http.post("/api/orders", placeOrder("ledger-" + UUID.randomUUID(), "c-ledger"));
        Response started = admin.post("/api/admin/integrity/verify", null);
        assertThat(started.status()).as(started.toString()).isEqualTo(202);

        JsonNode job = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> admin.get(started.header("Location")).json(),
                        j -> !j.get("state").asText().equals("RUNNING"));

        assertThat(job.get("state").asText()).as(job.toString()).isEqualTo("PASSED");
        assertThat(job.get("verifiedLeaves").asLong())
                .isEqualTo(job.get("ledgerSize").asLong());
        assertThat(http.unchecked().post("/api/admin/integrity/verify", null).status())
                .isEqualTo(403);
        assertThat(admin.get("/actuator/health")
                        .json()
                        .at("/components/ledger/status")
                        .asText())
                .isEqualTo("UP");
    }

    @Test
    void aClientCanWaitForTheJobsResultInOneRequest() {
        http.post("/api/orders", placeOrder("ledger-" + UUID.randomUUID(), "c-ledger"));
        String job = admin.post("/api/admin/integrity/verify", null).header("Location");

        JsonNode ended = admin.get(job + "?waitSeconds=30").json();

        assertThat(ended.get("state").asText()).as(ended.toString()).isEqualTo("PASSED");
        assertThat(admin.unchecked().get(job + "?waitSeconds=31").status()).isEqualTo(400);
        assertThat(admin.unchecked().get(job + "?waitSeconds=-1").status()).isEqualTo(400);
    }

    @Test
    void thePublicKeyIsAlsoServedAsAPemFile() {
        String json = http.get("/api/integrity/public-key").json().get("pem").asText();

        Response pem = http.send("GET", "/api/integrity/public-key", null, null, "application/x-pem-file");

        assertThat(pem.status()).isEqualTo(200);
        assertThat(pem.contentType()).startsWith("application/x-pem-file");
        assertThat(pem.body()).isEqualTo(json).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(SigningKeys.fromPublicPem(pem.body())).isNotNull();
        assertThat(http.send("GET", "/api/integrity/public-key", null, null, "*/*")
                        .contentType())
                .startsWith("application/json");
    }

    @Test
    void boundsAreCheckedAndAnsweredWithProblems() {
        HttpJson unchecked = http.unchecked();
        assertThat(unchecked.get("/api/orders/x/events/-1/proof").status()).isEqualTo(400);
        assertThat(unchecked.get("/api/orders/x/events/0/proof?treeSize=0").status())
                .isEqualTo(400);
        assertThat(unchecked.get("/api/orders/no-such-order/events/0/proof").status())
                .isEqualTo(404);
        assertThat(unchecked.get("/api/integrity/consistency?from=5&to=2").status())
                .isEqualTo(400);
        assertThat(unchecked
                        .get("/api/integrity/consistency?from=1&to=1000000000001")
                        .status())
                .isEqualTo(400);
        assertThat(unchecked
                        .get("/api/integrity/consistency?from=1&to=999999999999")
                        .status())
                .isEqualTo(400);
        assertThat(admin.unchecked()
                        .get("/api/admin/integrity/verify/not-a-job")
                        .status())
                .isEqualTo(400);
        assertThat(admin.unchecked()
                        .get("/api/admin/integrity/verify/" + UUID.randomUUID())
                        .status())
                .isEqualTo(404);
    }

    private static Checkpoint checkpoint(JsonNode json) throws Exception {
        return new Checkpoint(
                json.get("treeSize").asLong(),
                bytes(json.get("rootHash")),
                json.get("signedAt").asText(),
                bytes(json.get("signature")));
    }

    private static byte[] bytes(JsonNode base64) {
        return BASE64.decode(base64.asText());
    }

    private static List<byte[]> hashes(JsonNode array) {
        List<byte[]> hashes = new ArrayList<>();
        array.forEach(hash -> hashes.add(bytes(hash)));
        return hashes;
    }
}
