package dev.kmslab.ui.keylab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmslab.engine.CallerContext;
import dev.kmslab.engine.EngineConfig;
import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.SimulatedClock;
import dev.kmslab.engine.model.CreateKeyRequest;
import dev.kmslab.engine.model.ListKeysRequest;
import dev.kmslab.engine.store.SealedFileStorage;
import dev.kmslab.ui.UiTests;
import dev.kmslab.ui.keylab.common.LabEngineOpener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

@ResourceLock(UiTests.JAVAFX)
class LabEngineOpenerTest {

    @TempDir
    Path data;

    private final SimulatedClock clock = new SimulatedClock(LabFixture.START);

    private String createKeyAndClose() throws Exception {
        LabEngineOpener.Opened opened = LabEngineOpener.open(data, clock, Clock.systemUTC());
        String id = opened.engine().createKey(CallerContext.root(opened.engine().account()),
                CreateKeyRequest.symmetric()).keyMetadata().keyId();
        opened.engine().auditLog().flush();
        opened.resources().close();
        return id;
    }

    @Test
    void keysAndAudit_persistInTheDataDirectory_underAnOwnerOnlyMasterKey() throws Exception {
        String id = createKeyAndClose();
        assertThat(data.resolve("keystore.journal")).exists();
        assertThat(Files.readString(data.resolve(LabEngineOpener.AUDIT_FILE))).contains("\"CreateKey\"");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("master.key"))))
                .isEqualTo("rw-------");
        LabEngineOpener.Opened again = LabEngineOpener.open(data, clock, Clock.systemUTC());
        assertThat(again.notices()).isEmpty();
        assertThat(again.engine().listKeys(CallerContext.root(again.engine().account()), ListKeysRequest.firstPage())
                .keys()).extracting(k -> k.keyId()).containsExactly(id);
        again.resources().close();
    }

    @Test
    void aCorruptKeystore_isMovedAside_andTheLabStartsFresh() throws Exception {
        createKeyAndClose();
        Files.writeString(data.resolve("keystore.journal"), "{ not a keystore");
        LabEngineOpener.Opened opened = LabEngineOpener.open(data, clock, Clock.systemUTC());
        assertThat(opened.notices()).singleElement().asString().startsWith("The Key Lab keystore was damaged and has "
                + "been moved aside to keystore.journal.corrupt-");
        assertThat(opened.engine().listKeys(CallerContext.root(opened.engine().account()),
                ListKeysRequest.firstPage()).keys()).isEmpty();
        try (var files = Files.list(data)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .anyMatch(n -> n.startsWith("keystore.journal.corrupt-"));
        }
        opened.resources().close();
    }

    @Test
    void aLockedKeystore_isLeftAlone_andTheSessionKeepsKeysInMemory() throws Exception {
        createKeyAndClose();
        byte[] sealed = Files.readAllBytes(data.resolve("keystore.journal"));
        Files.delete(data.resolve("master.key"));
        LabEngineOpener.Opened opened = LabEngineOpener.open(data, clock, Clock.systemUTC());
        // Every keystore is sealed under the same master key: the home account's is named first, then each other
        // Region's and the Partner account's, which could not be unlocked either.
        assertThat(opened.notices().get(0)).startsWith("The Key Lab keystore could not be unlocked")
                .contains("not saved this session");
        assertThat(opened.notices()).allMatch(n -> n.contains("could not be unlocked"));
        CallerContext root = CallerContext.root(opened.engine().account());
        opened.engine().createKey(root, CreateKeyRequest.symmetric());
        opened.resources().close();
        assertThat(Files.readAllBytes(data.resolve("keystore.journal"))).isEqualTo(sealed);
    }

    @Test
    void aKeystoreOfTheOldFormat_isMigrated_andTheUserIsTold() throws Exception {
        SealedFileStorage old = SealedFileStorage.withKeyFile(data, Clock.systemUTC());
        KmsEngine v1 = KmsEngine.open(EngineConfig.defaults().withStorage(old));
        String id = v1.createKey(CallerContext.root(v1.account()), CreateKeyRequest.symmetric()).keyMetadata().keyId();
        old.close();

        LabEngineOpener.Opened opened = LabEngineOpener.open(data, clock, Clock.systemUTC());

        assertThat(opened.notices()).containsExactly("The keystore keystore.json was converted to the journal format "
                + "(keystore.journal); the old file is kept as keystore.json.v1.bak.");
        assertThat(opened.engine().listKeys(CallerContext.root(opened.engine().account()), ListKeysRequest.firstPage())
                .keys()).extracting(k -> k.keyId()).containsExactly(id);
        assertThat(data.resolve("keystore.json.v1.bak")).exists();
        opened.resources().close();
    }
}
