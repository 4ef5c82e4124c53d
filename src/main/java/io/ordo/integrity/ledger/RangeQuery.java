package io.ordo.integrity.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads the rows of one index range in order, a bounded number at a time: how the ledger walks both of its logs. */
final class RangeQuery {

    /** Maps the current row; may throw, as reading a column does. */
    interface Row<T> {
        T map(ResultSet row) throws SQLException;
    }

    private RangeQuery() {}

    /**
     * Runs {@code sql}, whose three parameters are the range's lower bound, its upper bound and the limit (in the query
     * itself, {@code fetch first ? rows only}, not only in setMaxRows, so that PostgreSQL plans for a few rows from the
     * index), and maps every row it answers.
     */
    static <T> List<T> list(Connection connection, String sql, long from, long to, int limit, Row<T> mapper)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setLong(1, from);
            query.setLong(2, to);
            query.setInt(3, limit);
            query.setMaxRows(limit);
            query.setFetchSize(Math.min(limit, 1000));
            List<T> rows = new ArrayList<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(mapper.map(result));
                }
            }
            return rows;
        }
    }
}
