package io.ordo.platform.storage;

import java.sql.Types;
import org.hibernate.boot.model.TypeContributions;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.jdbc.BinaryJdbcType;

/**
 * PostgreSQL with {@code @Lob byte[]} stored inline as {@code bytea} instead of as a large object.
 *
 * <p>Axon's JPA entities map event payloads and metadata, snapshots, tracking tokens, sagas and dead letters as
 * {@code @Lob byte[]}. Hibernate's PostgreSQL dialect turns those into {@code oid} columns that point into
 * {@code pg_largeobject}: every token update leaves an orphaned large object behind that only {@code vacuumlo} removes,
 * the values cannot be read with a plain {@code select}, and a dump needs {@code --blobs}. Here the BLOB type is bound
 * as plain bytes and its columns are {@code bytea}, which PostgreSQL compresses and stores out of line (TOAST) when
 * large and which vacuum reclaims like any other row. Selected by the {@code postgres} profile.
 */
public class ByteaPostgreSQLDialect extends PostgreSQLDialect {

    public ByteaPostgreSQLDialect() {
        super();
    }

    /** The constructor Hibernate uses when it has a connection to ask the server's version. */
    public ByteaPostgreSQLDialect(DialectResolutionInfo info) {
        super(info);
    }

    @Override
    protected String columnType(int sqlTypeCode) {
        return sqlTypeCode == SqlTypes.BLOB ? "bytea" : super.columnType(sqlTypeCode);
    }

    @Override
    protected String castType(int sqlTypeCode) {
        return sqlTypeCode == SqlTypes.BLOB ? "bytea" : super.castType(sqlTypeCode);
    }

    @Override
    public void contributeTypes(TypeContributions typeContributions, ServiceRegistry serviceRegistry) {
        super.contributeTypes(typeContributions, serviceRegistry);
        typeContributions
                .getTypeConfiguration()
                .getJdbcTypeRegistry()
                .addDescriptor(Types.BLOB, BinaryJdbcType.INSTANCE);
    }
}
