package io.ordo.platform.storage;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Group commit on an H2 store with a write delay ({@link H2GroupCommits}); nothing on other databases. */
@Configuration(proxyBeanMethods = false)
class GroupCommitConfiguration {

    /** Static: a bean post-processor is created before the other beans, so it must not need its configuration's. */
    @Bean
    static H2GroupCommits h2GroupCommits() {
        return new H2GroupCommits();
    }
}
