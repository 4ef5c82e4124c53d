package io.ordo.platform;

import com.fasterxml.jackson.core.StreamReadConstraints;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Jackson's defaults allow 1,000 levels of nesting and strings of 20 MB; no message of Ordo's comes near either, so a
 * request that does is refused as malformed (400) before it costs memory or stack.
 */
@Configuration(proxyBeanMethods = false)
class JsonLimits {

    static final int MAX_NESTING = 32;
    static final int MAX_STRING_LENGTH = 16 * 1024;
    static final int MAX_NUMBER_LENGTH = 64;

    @Bean
    Jackson2ObjectMapperBuilderCustomizer tightReadLimits() {
        return builder -> builder.postConfigurer(mapper -> mapper.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING)
                        .maxStringLength(MAX_STRING_LENGTH)
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .build()));
    }
}
