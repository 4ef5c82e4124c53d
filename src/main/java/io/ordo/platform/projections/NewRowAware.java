package io.ordo.platform.projections;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

/**
 * A projection row that knows whether the projection has just created it. Spring Data then persists a new row
 * instead of merging it, which would first select it; a row read from the database or already stored is not new.
 */
@MappedSuperclass
public abstract class NewRowAware implements Persistable<String> {

    @Transient
    private boolean created = true;

    @Override
    public boolean isNew() {
        return created;
    }

    @PostPersist
    @PostLoad
    void stored() {
        created = false;
    }
}
