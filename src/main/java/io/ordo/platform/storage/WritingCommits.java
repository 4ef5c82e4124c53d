package io.ordo.platform.storage;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;

/**
 * A JDBC connection that tells a {@link Listener} of each durable commit: a {@code commit()} (or a switch back to
 * auto-commit) of a transaction that prepared a writing statement, and each writing statement executed in auto-commit
 * mode. Read-only transactions commit too but force nothing to disk, and the commits of a transaction that
 * {@link CommitDurability#relax relaxed} its durability are not forced either, so the listener hears of neither.
 * "Writing" is judged by the SQL's first word, which costs a string check per prepared statement.
 */
final class WritingCommits implements InvocationHandler {

    /** Hears of each durable commit, after it returned, on the connection that made it. */
    @FunctionalInterface
    interface Listener {
        void committed(Connection connection) throws SQLException;
    }

    private static final Set<String> EXECUTIONS =
            Set.of("execute", "executeUpdate", "executeLargeUpdate", "executeBatch", "executeLargeBatch");

    private final Connection target;
    private final Listener listener;
    /** A writing statement was prepared since the last commit or rollback; a connection is used by one thread. */
    private boolean wrote;

    private WritingCommits(Connection target, Listener listener) {
        this.target = target;
        this.listener = listener;
    }

    static Connection wrap(Connection target, Listener listener) {
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                new WritingCommits(target, listener));
    }

    /** Wraps every connection {@code dataSource} gives; a JDK proxy, so unwrap() still reaches the pool. */
    static DataSource wrap(DataSource dataSource, Listener listener) {
        return (DataSource) Proxy.newProxyInstance(
                DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = call(dataSource, method, args);
                    return result instanceof Connection connection ? wrap(connection, listener) : result;
                });
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        switch (name) {
            case "commit" -> {
                Object result = call(target, method, args);
                committed();
                return result;
            }
            case "rollback" -> {
                Object result = call(target, method, args);
                if (args == null) {
                    wrote = false;
                }
                return result;
            }
            case "setAutoCommit" -> {
                boolean wasAutoCommit = target.getAutoCommit();
                Object result = call(target, method, args);
                if (!wasAutoCommit && Boolean.TRUE.equals(args[0])) {
                    // JDBC commits an open transaction when auto-commit is switched back on
                    committed();
                }
                return result;
            }
            case "prepareStatement", "prepareCall" -> {
                Object statement = call(target, method, args);
                if (!writes((String) args[0])) {
                    return statement;
                }
                if (!target.getAutoCommit()) {
                    wrote = true;
                    return statement;
                }
                return countingExecutions(statement, method.getReturnType());
            }
            case "createStatement" -> {
                return countingExecutions(call(target, method, args), Statement.class);
            }
            default -> {
                return call(target, method, args);
            }
        }
    }

    private void committed() throws SQLException {
        if (wrote) {
            wrote = false;
            if (!CommitDurability.isRelaxed()) {
                listener.committed(target);
            }
        }
    }

    /**
     * A statement whose executions count as commits when they run in auto-commit mode; a plain statement's SQL is
     * known only when it runs, so it is judged then.
     */
    private Object countingExecutions(Object statement, Class<?> type) {
        return Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
                    Object result = call(statement, method, args);
                    if (EXECUTIONS.contains(method.getName())) {
                        boolean writing = statement instanceof PreparedStatement
                                || args == null
                                || args.length == 0
                                || !(args[0] instanceof String sql)
                                || writes(sql);
                        if (writing) {
                            if (!target.getAutoCommit()) {
                                wrote = true;
                            } else if (!CommitDurability.isRelaxed()) {
                                listener.committed(target);
                            }
                        }
                    }
                    return result;
                });
    }

    static boolean writes(String sql) {
        String trimmed = sql.stripLeading();
        int end = 0;
        while (end < trimmed.length() && Character.isLetter(trimmed.charAt(end))) {
            end++;
        }
        String verb = trimmed.substring(0, end).toLowerCase(Locale.ROOT);
        return !(verb.equals("select") || verb.equals("values") || verb.equals("show") || verb.equals("explain"));
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
