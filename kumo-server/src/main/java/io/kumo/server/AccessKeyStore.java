package io.kumo.server;

import io.kumo.auth.AccessKeys;
import io.kumo.auth.Credential;
import io.kumo.auth.CredentialLookup;
import io.kumo.core.Principal;
import io.kumo.core.store.Store;
import io.kumo.core.store.StoreScope;
import io.kumo.core.store.Table;

import java.time.Instant;
import java.util.Optional;

/**
 * Access key pairs generated through POST /_kumo/access-keys, kept durably; the root's
 * well-known test/test is built into the authenticator. IAM users' keys join them with the IAM issue.
 */
final class AccessKeyStore implements CredentialLookup {
    static final Table<AccessKeyRecord> TABLE = Table.global("auth.accessKeys", AccessKeyRecord.class);

    record AccessKeyRecord(String accessKeyId, String secretKey, String accountId, Instant createdAt) {
    }

    private final Store store;
    private final String accountId;

    AccessKeyStore(Store store, String accountId) {
        this.store = store;
        this.accountId = accountId;
    }

    @Override
    public Optional<Credential> find(String accessKeyId) {
        return store.read(StoreScope.GLOBAL, tx -> tx.get(TABLE, accessKeyId))
                .map(r -> new Credential(r.accessKeyId(), r.secretKey(), Principal.root(r.accountId(), r.accessKeyId())));
    }

    AccessKeyRecord create() {
        AccessKeyRecord record = new AccessKeyRecord(AccessKeys.newAccessKeyId(), AccessKeys.newSecretKey(), accountId, Instant.now());
        store.write(StoreScope.GLOBAL, tx -> {
            tx.put(TABLE, record.accessKeyId(), record);
            return null;
        });
        return record;
    }
}
