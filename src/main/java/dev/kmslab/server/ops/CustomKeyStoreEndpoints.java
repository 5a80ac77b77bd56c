package dev.kmslab.server.ops;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.kmslab.engine.error.ValidationException;
import dev.kmslab.engine.model.ConnectCustomKeyStoreRequest;
import dev.kmslab.engine.model.CreateCustomKeyStoreRequest;
import dev.kmslab.engine.model.CustomKeyStoresListEntry;
import dev.kmslab.engine.model.DeleteCustomKeyStoreRequest;
import dev.kmslab.engine.model.DescribeCustomKeyStoresRequest;
import dev.kmslab.engine.model.DescribeCustomKeyStoresResult;
import dev.kmslab.engine.model.DisconnectCustomKeyStoreRequest;
import dev.kmslab.engine.model.UpdateCustomKeyStoreRequest;
import dev.kmslab.server.json.JsonInput;
import dev.kmslab.server.json.JsonOutput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Custom key stores: CreateCustomKeyStore, DescribeCustomKeyStores, Connect/DisconnectCustomKeyStore,
 * UpdateCustomKeyStore, DeleteCustomKeyStore. KMS Lab's stores are AWS_CLOUDHSM-style stores on a PKCS#11 token, so
 * the cluster members (CloudHsmClusterId, TrustAnchorCertificate) give way to a lab member {@code Pkcs11Token}:
 * {@code {"ModuleLibrary": "/usr/lib/softhsm/libsofthsm2.so", "SlotId" | "SlotListIndex" | "TokenLabel": ...}}.
 * External key stores are refused.
 */
final class CustomKeyStoreEndpoints {

    private static final String TOKEN = "KMS Lab backs a custom key store with a PKCS#11 token: give Pkcs11Token "
            + "{ModuleLibrary, and SlotId, SlotListIndex or TokenLabel} instead.";
    private static final String NO_XKS = "external key stores are not simulated.";

    private CustomKeyStoreEndpoints() {
    }

    static void register(Map<String, Operation> table) {
        table.put("CreateCustomKeyStore", (engine, caller, in, out) -> JsonOutput.string(out, "CustomKeyStoreId",
                engine.customKeyStores().createCustomKeyStore(caller, createRequest(in)).customKeyStoreId()));
        table.put("DescribeCustomKeyStores", (engine, caller, in, out) -> describe(out,
                engine.customKeyStores().describeCustomKeyStores(caller, new DescribeCustomKeyStoresRequest(
                        in.string("CustomKeyStoreId"), in.string("CustomKeyStoreName"), in.integer("Limit"),
                        in.string("Marker")))));
        table.put("ConnectCustomKeyStore", (engine, caller, in, out) -> engine.customKeyStores()
                .connectCustomKeyStore(caller, new ConnectCustomKeyStoreRequest(in.requiredString("CustomKeyStoreId"))));
        table.put("DisconnectCustomKeyStore", (engine, caller, in, out) -> engine.customKeyStores()
                .disconnectCustomKeyStore(caller, new DisconnectCustomKeyStoreRequest(
                        in.requiredString("CustomKeyStoreId"))));
        table.put("UpdateCustomKeyStore", (engine, caller, in, out) -> {
            in.unsupported("CloudHsmClusterId", TOKEN);
            for (String xks : new String[] {"XksProxyUriEndpoint", "XksProxyUriPath", "XksProxyVpcEndpointServiceName",
                    "XksProxyAuthenticationCredential", "XksProxyConnectivity"}) {
                in.unsupported(xks, NO_XKS);
            }
            String password = in.string("KeyStorePassword");
            engine.customKeyStores().updateCustomKeyStore(caller, new UpdateCustomKeyStoreRequest(
                    in.requiredString("CustomKeyStoreId"), in.string("NewCustomKeyStoreName"),
                    password == null ? null : password.toCharArray()));
        });
        table.put("DeleteCustomKeyStore", (engine, caller, in, out) -> engine.customKeyStores()
                .deleteCustomKeyStore(caller, new DeleteCustomKeyStoreRequest(in.requiredString("CustomKeyStoreId"))));
    }

    private static CreateCustomKeyStoreRequest createRequest(JsonInput in) {
        String type = in.string("CustomKeyStoreType");
        if (type != null && !type.equals("AWS_CLOUDHSM")) {
            in.unsupported("CustomKeyStoreType", NO_XKS);
        }
        in.unsupported("CloudHsmClusterId", TOKEN);
        in.unsupported("TrustAnchorCertificate", TOKEN);
        JsonInput token = in.structure("Pkcs11Token");
        if (token == null) {
            throw new ValidationException("1 validation error detected: Value null at 'pkcs11Token' failed to "
                    + "satisfy constraint: Member must not be null");
        }
        String library = token.requiredString("ModuleLibrary");
        String password = in.requiredString("KeyStorePassword");
        return new CreateCustomKeyStoreRequest(in.requiredString("CustomKeyStoreName"), Path.of(library),
                token.longInteger("SlotId"), token.integer("SlotListIndex"), token.string("TokenLabel"),
                password.toCharArray());
    }

    private static void describe(JsonGenerator out, DescribeCustomKeyStoresResult result) throws IOException {
        out.writeArrayFieldStart("CustomKeyStores");
        for (CustomKeyStoresListEntry store : result.customKeyStores()) {
            out.writeStartObject();
            JsonOutput.string(out, "CustomKeyStoreId", store.customKeyStoreId());
            JsonOutput.string(out, "CustomKeyStoreName", store.customKeyStoreName());
            JsonOutput.string(out, "CloudHsmClusterId", store.cloudHsmClusterId());
            JsonOutput.enumValue(out, "ConnectionState", store.connectionState());
            JsonOutput.enumValue(out, "ConnectionErrorCode", store.connectionErrorCode());
            JsonOutput.timestamp(out, "CreationDate", store.creationDate());
            JsonOutput.enumValue(out, "CustomKeyStoreType", store.customKeyStoreType());
            out.writeObjectFieldStart("Pkcs11Token");
            JsonOutput.string(out, "ModuleLibrary", store.moduleLibrary());
            JsonOutput.string(out, "Slot", store.slot());
            out.writeBooleanField("Simulated", store.simulatedToken());
            out.writeEndObject();
            out.writeEndObject();
        }
        out.writeEndArray();
        JsonOutput.page(out, result.nextMarker(), result.truncated());
    }
}
