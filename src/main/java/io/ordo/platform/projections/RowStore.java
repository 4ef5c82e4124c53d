package io.ordo.platform.projections;

import java.util.List;
import java.util.Optional;

/** Where {@link BatchedRows} reads a row by its id and writes the rows a batch created or changed. */
public interface RowStore<R> {

    /** Names the store in resource keys and messages: its table. */
    String table();

    Optional<R> find(String id);

    void insert(List<R> rows);

    void update(List<R> rows);
}
