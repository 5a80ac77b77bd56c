package dev.kmslab.engine;

import dev.kmslab.engine.audit.AuditLog;
import dev.kmslab.engine.core.Arns;
import dev.kmslab.engine.model.CreateKeyRequest;
import dev.kmslab.engine.model.DecryptRequest;
import dev.kmslab.engine.model.DescribeKeyRequest;
import dev.kmslab.engine.model.EncryptRequest;
import dev.kmslab.engine.model.KeyMetadata;
import dev.kmslab.engine.model.ReplicateKeyRequest;
import dev.kmslab.engine.store.InMemoryKeystoreStorage;
import dev.kmslab.engine.store.KeystoreCorruptException;
import dev.kmslab.engine.store.KeystoreStorage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** The Key Lab's four Regions on one frozen simulated clock and one audit log, with storages kept for reopening. */
final class RegionsFixture {

    static final CallerContext ROOT = EngineFixture.ROOT;
    static final String EAST = "us-east-1";
    static final String WEST = "us-west-2";
    static final String EU = "eu-west-1";
    static final String AP = "ap-southeast-2";

    final SimulatedClock clock = new SimulatedClock(EngineFixture.START);
    final AuditLog audit = AuditLog.inMemory();
    final Map<String, KeystoreStorage> storages = new HashMap<>();
    KmsRegions regions = reopen();

    /** Opens the Regions again from the same storages, as after a restart. */
    KmsRegions reopen() {
        try {
            regions = KmsRegions.open(EngineConfig.defaults().withClock(clock).withAuditLog(audit),
                    KmsRegions.LAB_REGIONS, region -> storages.computeIfAbsent(region,
                            r -> new InMemoryKeystoreStorage()));
            return regions;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (KeystoreCorruptException e) {
            throw new IllegalStateException(e);
        }
    }

    KmsEngine in(String region) {
        return regions.engine(region);
    }

    String newMrk() {
        return in(EAST).createKey(ROOT, CreateKeyRequest.symmetric().withMultiRegion(true)).keyMetadata().keyId();
    }

    /** An mrk in us-east-1 with a replica in eu-west-1. */
    String replicatedMrk() {
        String keyId = newMrk();
        in(EAST).replicateKey(ROOT, new ReplicateKeyRequest(keyId, EU));
        return keyId;
    }

    KeyMetadata describe(String region, String keyId) {
        return in(region).describeKey(ROOT, new DescribeKeyRequest(keyId)).keyMetadata();
    }

    byte[] encrypt(String region, String keyId, String text) {
        return in(region).encrypt(ROOT, EncryptRequest.of(keyId, text.getBytes(StandardCharsets.UTF_8),
                EngineFixture.CONTEXT)).ciphertextBlob();
    }

    String decrypt(String region, byte[] blob) {
        return new String(in(region).decrypt(ROOT, DecryptRequest.of(blob, EngineFixture.CONTEXT)).plaintext(),
                StandardCharsets.UTF_8);
    }

    static String arn(String region, String keyId) {
        return Arns.keyArn(EngineConfig.DEFAULT_ACCOUNT, region, keyId);
    }
}
