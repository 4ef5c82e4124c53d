package io.ordo.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;

/**
 * A throwaway PostgreSQL for trying the {@code postgres} profile on a machine without one, from the same binaries the
 * tests use. Listens on the port given (default 15432) with a database and user {@code ordo} (password {@code ordo}),
 * empty at every start, until the process is stopped. {@code docs/examples/two-instances.sh} starts it.
 */
public final class LocalPostgres {

    private LocalPostgres() {}

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 15432;
        EmbeddedPostgres server = EmbeddedPostgres.builder().setPort(port).start();
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement sql = connection.createStatement()) {
            sql.execute("create role ordo login password 'ordo'");
            sql.execute("create database ordo owner ordo");
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                // the JVM is going away; PostgreSQL's own shutdown hook stops it too
            }
        }));
        System.out.println("PostgreSQL ready: ORDO_DB_URL=jdbc:postgresql://localhost:" + port
                + "/ordo ORDO_DB_USER=ordo ORDO_DB_PASSWORD=ordo");
        new CountDownLatch(1).await();
    }
}
