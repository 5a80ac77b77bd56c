package dev.kmslab.ui;

import dev.kmslab.engine.CallerContext;
import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.cks.FakeHsm;
import dev.kmslab.engine.model.ConnectCustomKeyStoreRequest;
import dev.kmslab.engine.model.CreateAliasRequest;
import dev.kmslab.engine.model.CreateCustomKeyStoreRequest;
import dev.kmslab.engine.model.CreateKeyRequest;
import dev.kmslab.engine.model.ReplicateKeyRequest;
import dev.kmslab.ui.keylab.common.KeyLabSession;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Tour steps for the screens added with Regions and custom key stores: a simulated key store with a key in it, a
 * multi-Region key seen from its replica Region, and the Create key dialog with the Key store row showing.
 */
final class RegionStoreTour {

    /** A module path that does not exist, so the lab simulates the token whether or not SoftHSM2 is installed. */
    private static final Path SIMULATED_MODULE = Path.of("/opt/kmslab-tour/no-such-module/libsofthsm2.so");

    private RegionStoreTour() {
    }

    /** A connected, simulated store named lab-hsm with alias/hsm-secrets in it. */
    static void seedStore(KmsEngine engine) {
        CallerContext root = CallerContext.root(engine.account());
        String storeId = engine.customKeyStores().createCustomKeyStore(root, new CreateCustomKeyStoreRequest(
                "lab-hsm", SIMULATED_MODULE, null, null, "kmslab", FakeHsm.DEMO_PIN.toCharArray()))
                .customKeyStoreId();
        engine.customKeyStores().connectCustomKeyStore(root, new ConnectCustomKeyStoreRequest(storeId));
        String keyId = engine.createKey(root, CreateKeyRequest.inCustomKeyStore(storeId, "Secrets kept in the HSM"))
                .keyMetadata().keyId();
        engine.createAlias(root, new CreateAliasRequest("alias/hsm-secrets", keyId));
    }

    /** A multi-Region primary in the home Region, replicated to eu-west-1; returns its key id. */
    static String seedMultiRegion(KeyLabSession lab) {
        KmsEngine home = lab.engine();
        CallerContext root = CallerContext.root(home.account());
        String keyId = home.createKey(root, CreateKeyRequest.withDescription("Global orders table (DynamoDB)")
                .withMultiRegion(true)).keyMetadata().keyId();
        home.createAlias(root, new CreateAliasRequest("alias/global-orders", keyId));
        home.replicateKey(root, new ReplicateKeyRequest(keyId, "eu-west-1"));
        return keyId;
    }

    static void selectStore(Stage stage) {
        stage.getScene().getRoot().applyCss();
        var list = (javafx.scene.control.ListView<?>) stage.getScene().lookup("#cks-list");
        if (list != null) {
            list.getSelectionModel().select(0);
        }
    }

    /** The Create key dialog, once open. */
    static Scene createKeyScene() {
        return Window.getWindows().stream().filter(Window::isShowing).map(Window::getScene)
                .filter(s -> s.lookup("#create-key-ok") != null).findFirst()
                .orElseThrow(() -> new IllegalStateException("the Create key dialog did not open"));
    }
}
