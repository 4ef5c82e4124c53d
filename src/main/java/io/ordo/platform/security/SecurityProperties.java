package io.ordo.platform.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The built-in users, {@code ordo.security.users}. A password may be stored encoded with its id ({@code {bcrypt}…});
 * a bare one is bcrypt-encoded when the service starts, so a plain secret from the environment works too.
 */
@ConfigurationProperties("ordo.security")
record SecurityProperties(List<User> users) {

    SecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }

    record User(String name, String password, List<String> roles) {

        User {
            if (name == null || name.isBlank() || password == null || password.isBlank()) {
                throw new IllegalArgumentException("every user in ordo.security.users needs a name and a password");
            }
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }
}
