package io.ordo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class OrdoApplication {

    public static void main(String[] args) {
        SpringApplication.run(OrdoApplication.class, args);
    }
}
