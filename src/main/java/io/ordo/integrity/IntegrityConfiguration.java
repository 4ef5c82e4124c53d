package io.ordo.integrity;

import io.ordo.integrity.checkpoint.CheckpointSigner;
import io.ordo.integrity.checkpoint.CheckpointVerifier;
import io.ordo.integrity.ledger.LedgerSealer;
import io.ordo.integrity.ledger.SealSettings;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The ledger's key and its sealer; the services and endpoints around them are components of their own. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnLedger
@EnableConfigurationProperties(IntegrityProperties.class)
class IntegrityConfiguration {

    @Bean
    LedgerKey ledgerKey(IntegrityProperties properties, @Value("${ordo.data-dir:./data}") Path dataDir) {
        KeyPair pair = LedgerKeyLoader.load(properties, dataDir);
        return new LedgerKey(
                pair.getPublic(), new CheckpointSigner(pair.getPrivate()), new CheckpointVerifier(pair.getPublic()));
    }

    @Bean
    LedgerSealer ledgerSealer(IntegrityProperties properties, LedgerKey key) {
        return new LedgerSealer(
                new SealSettings(
                        properties.batchSize(),
                        properties.gapTimeout(),
                        properties.checkpointEveryEvents(),
                        properties.checkpointEvery()),
                key.signer(),
                Clock.systemUTC());
    }
}
