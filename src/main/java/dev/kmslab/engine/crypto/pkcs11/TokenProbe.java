package dev.kmslab.engine.crypto.pkcs11;

import dev.kmslab.engine.model.ConnectionErrorCode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.AuthProvider;
import java.security.Provider;
import java.security.ProviderException;
import java.security.Security;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Creates the SunPKCS11 provider for a configuration and learns which token it selected.
 *
 * <p>JDK 17's SunPKCS11 has no token-label setting and no public API that returns the token's label or slot id. It
 * does print both when configured with {@code showInfo = true}, so this class captures {@code System.out} while the
 * provider is configured and parses "Token info for token in slot N:" and the "label:" line after it. A token label
 * is resolved by configuring {@code slotListIndex = 0, 1, ...} in turn until a provider reports that label; that
 * provider is then used for the connection. Providers for other slots are dropped without a logout, because a
 * PKCS#11 login is shared by every session of the process on a token and a logout through them would end another
 * connection's login; they hold a few idle sessions until the process exits.
 *
 * <p>While a provider is configured, output other threads print to {@code System.out} is captured and discarded;
 * this happens only during a connect.
 */
final class TokenProbe {

    /** More slots than any single module offers in practice; bounds the label search. */
    static final int MAX_SLOT_LIST_INDEX = 64;

    private static final Object STDOUT_LOCK = new Object();
    private static final Pattern TOKEN_SLOT = Pattern.compile("Token info for token in slot (\\d+):");
    private static final Pattern LABEL = Pattern.compile("^\\s*label: (.*)$", Pattern.MULTILINE);

    /** A configured (not yet logged-in) provider and the token it selected. */
    record Configured(AuthProvider provider, TokenIdentity token) {
    }

    private TokenProbe() {
    }

    static Configured configure(Pkcs11Config config) {
        SlotSelector slot = config.slot();
        if (slot instanceof SlotSelector.SlotId) {
            return configure(config, SunPkcs11ConfigText.slotIdLine(((SlotSelector.SlotId) slot).id()));
        }
        if (slot instanceof SlotSelector.SlotListIndex) {
            return configure(config,
                    SunPkcs11ConfigText.slotListIndexLine(((SlotSelector.SlotListIndex) slot).index()));
        }
        return resolveLabel(config, ((SlotSelector.TokenLabel) slot).label());
    }

    private static Configured resolveLabel(Pkcs11Config config, String label) {
        for (int index = 0; index < MAX_SLOT_LIST_INDEX; index++) {
            Configured probe;
            try {
                probe = configure(config, SunPkcs11ConfigText.slotListIndexLine(index));
            } catch (TokenConnectException e) {
                if (isPastLastSlot(e)) {
                    break;
                }
                if (e.errorCode() == ConnectionErrorCode.CLUSTER_NOT_FOUND && !isMissingLibrary(e)) {
                    continue; // an empty or uninitialised slot: keep looking
                }
                throw e;
            }
            if (probe.token().label().equals(label)) {
                return probe;
            }
        }
        throw new TokenConnectException("No token labelled '" + label + "' in module " + config.library(),
                ConnectionErrorCode.CLUSTER_NOT_FOUND, null);
    }

    private static Configured configure(Pkcs11Config config, String slotLine) {
        String text = SunPkcs11ConfigText.render(config.name(), config.library(), slotLine);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Provider provider;
        synchronized (STDOUT_LOCK) {
            PrintStream previous = System.out;
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            try {
                provider = Security.getProvider("SunPKCS11").configure("--" + text);
            } catch (ProviderException e) {
                throw openFailure(config, slotLine, e);
            } finally {
                System.setOut(previous);
            }
        }
        return new Configured((AuthProvider) provider, parseIdentity(printed.toString(StandardCharsets.UTF_8)));
    }

    /** Reads the slot id and token label from SunPKCS11's {@code showInfo} output. */
    static TokenIdentity parseIdentity(String showInfo) {
        Matcher slot = TOKEN_SLOT.matcher(showInfo);
        if (!slot.find()) {
            return new TokenIdentity(-1, "");
        }
        Matcher label = LABEL.matcher(showInfo);
        String text = label.find(slot.end()) ? label.group(1) : "";
        return new TokenIdentity(Long.parseLong(slot.group(1)), text);
    }

    private static TokenConnectException openFailure(Pkcs11Config config, String slotLine, ProviderException e) {
        Optional<String> ckr = ReturnValues.find(e);
        String reason = ckr.orElseGet(() -> innermostMessage(e));
        ConnectionErrorCode code = ckr.map(ConnectionErrorCode::forReturnValue)
                .orElse(reason.contains("does not exist") || reason.contains("slotListIndex")
                        ? ConnectionErrorCode.CLUSTER_NOT_FOUND : ConnectionErrorCode.INTERNAL_ERROR);
        return new TokenConnectException("Cannot open " + slotLine.replace(" = ", " ") + " of module "
                + config.library() + ": " + reason, code, e);
    }

    private static boolean isPastLastSlot(TokenConnectException e) {
        return innermostMessage(e).contains("slotListIndex is");
    }

    private static boolean isMissingLibrary(TokenConnectException e) {
        return innermostMessage(e).contains("does not exist");
    }

    private static String innermostMessage(Throwable e) {
        String message = String.valueOf(e.getMessage());
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t.getMessage() != null) {
                message = t.getMessage();
            }
        }
        return message;
    }
}
