package io.ordo.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** The webhook secret has a development value in the default profile and none at all in the production ones. */
class PaymentWebhookPropertiesTest {

    @Test
    void theDefaultProfileHasADevelopmentSecret() throws IOException {
        PaymentWebhookProperties properties = bind();

        assertThat(properties.webhookSecret()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(properties.signatureTolerance()).hasMinutes(5);
    }

    @Test
    void theProductionProfilesDoNotStartWithoutTheSecret() {
        for (String profile : new String[] {"postgres", "axonserver"}) {
            assertThatThrownBy(() -> bind(profile)).as(profile).hasStackTraceContaining("ORDO_PAYMENTS_WEBHOOK_SECRET");
        }
    }

    @Test
    void aMissingOrShortSecretIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> new PaymentWebhookProperties(null, null))
                .hasMessageContaining("ordo.payments.webhook-secret is required");
        assertThatThrownBy(() -> new PaymentWebhookProperties("short", null))
                .hasMessageContaining("at least 32 characters");
    }

    /** Binds ordo.payments as Spring Boot does, from application.yml overridden by the given profiles' files. */
    private static PaymentWebhookProperties bind(String... profiles) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        // the files alone: a secret in this machine's environment must not make the production profiles look complete
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        YamlPropertySourceLoader yaml = new YamlPropertySourceLoader();
        yaml.load("application", new ClassPathResource("application.yml"))
                .forEach(source -> environment.getPropertySources().addLast(source));
        for (String profile : profiles) {
            yaml.load(profile, new ClassPathResource("application-" + profile + ".yml"))
                    .forEach(source -> environment.getPropertySources().addFirst(source));
        }
        return Binder.get(environment).bindOrCreate("ordo.payments", PaymentWebhookProperties.class);
    }
}
