package dev.kmslab.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kmslab.engine.crypto.CiphertextBlob;
import dev.kmslab.engine.error.InvalidCiphertextException;
import dev.kmslab.engine.policy.PrincipalDirectory;
import dev.kmslab.engine.state.AccessControl;
import dev.kmslab.engine.store.InMemoryKeystoreStorage;
import dev.kmslab.engine.store.KeystoreCorruptException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The lab's AWS accounts: the home account (111122223333 unless configured) and a second one, "Partner"
 * (444455556666), each with its own keys in every simulated Region ({@link KmsRegions}), all sharing one clock, one
 * audit log and one IAM directory (IAM holds every account's users, roles and policies, so a key policy in one
 * account can be evaluated against a caller from the other, as AWS does for cross-account use).
 *
 * <p>Keystores: the home account keeps its files as before; another account's Region keeps
 * {@code keystore-<account>.json} (its default Region) or {@code keystore-<account>-<region>.json}.
 */
public final class LabAccounts {

    /** The second account of the lab, called Partner in the Key Lab. */
    public static final String PARTNER_ACCOUNT = "444455556666";

    private final Map<String, KmsRegions> accounts;
    private final String home;

    private LabAccounts(Map<String, KmsRegions> accounts, String home) {
        this.accounts = accounts;
        this.home = home;
    }

    /** The keystore file of an account's Region (the home account's names are unchanged). */
    public static String keystoreFileName(String account, String region, String homeAccount, String defaultRegion) {
        if (account.equals(homeAccount)) {
            return KmsRegions.keystoreFileName(region, defaultRegion);
        }
        return region.equals(defaultRegion) ? "keystore-" + account + ".json"
                : "keystore-" + account + "-" + region + ".json";
    }

    /** The home account from {@code base} and the Partner account, every Region in memory. */
    public static LabAccounts inMemory(EngineConfig base) {
        try {
            List<KmsRegions> all = new ArrayList<>();
            all.add(KmsRegions.open(base, KmsRegions.LAB_REGIONS, region -> new InMemoryKeystoreStorage()));
            all.add(KmsRegions.open(base.withAccountAndRegion(PARTNER_ACCOUNT, base.region()),
                    KmsRegions.LAB_REGIONS, region -> new InMemoryKeystoreStorage()));
            return link(all);
        } catch (IOException | KeystoreCorruptException e) {
            throw new IllegalStateException("empty in-memory keystores cannot fail to load", e);
        }
    }

    /**
     * Links accounts opened separately (each a {@link KmsRegions} on the same clock and the same Regions); the first
     * is the home account. The first directory that holds more than its account root becomes everyone's, every
     * change to it reaches every engine of every account, and each account is added to it.
     */
    public static LabAccounts link(List<KmsRegions> regionsPerAccount) {
        if (regionsPerAccount.isEmpty()) {
            throw new IllegalArgumentException("at least one account is needed");
        }
        Map<String, KmsRegions> byAccount = new LinkedHashMap<>();
        KmsEngine first = regionsPerAccount.get(0).defaultEngine();
        for (KmsRegions regions : regionsPerAccount) {
            KmsEngine engine = regions.defaultEngine();
            if (engine.config().clock() != first.config().clock() || !regions.regions().equals(
                    regionsPerAccount.get(0).regions())) {
                throw new IllegalArgumentException("linked accounts need one clock and the same Regions: "
                        + engine.account());
            }
            if (byAccount.putIfAbsent(engine.account(), regions) != null) {
                throw new IllegalArgumentException("account " + engine.account() + " is listed twice");
            }
        }
        LabAccounts accounts = new LabAccounts(byAccount, first.account());
        accounts.shareIam();
        for (String id : byAccount.keySet()) {
            if (!first.principals().accounts().contains(id)) {
                first.principals().addAccount(id); // saved once; later opens change nothing
            }
        }
        return accounts;
    }

    private void shareIam() {
        List<KmsEngine> all = new ArrayList<>();
        accounts.values().forEach(regions -> all.addAll(regions.engines()));
        PrincipalDirectory shared = all.get(0).principals().publishedDirectory();
        for (KmsRegions regions : accounts.values()) {
            KmsEngine engine = regions.defaultEngine();
            JsonNode bare = AccessControl.empty(engine.account()).directory().toJson();
            if (!engine.principals().publishedDirectory().toJson().equals(bare)) {
                shared = engine.principals().publishedDirectory();
                break;
            }
        }
        JsonNode sharedJson = shared.toJson();
        for (KmsEngine engine : all) {
            // Adopting an equal directory would still rewrite every keystore on every open.
            if (!engine.principals().publishedDirectory().toJson().equals(sharedJson)) {
                engine.principals().adopt(shared);
            }
            engine.principals().onChange(directory -> {
                for (KmsEngine other : all) {
                    if (other != engine) {
                        other.principals().adopt(directory);
                    }
                }
            });
        }
    }

    public KmsRegions home() {
        return accounts.get(home);
    }

    public String homeAccount() {
        return home;
    }

    /** The account's Regions, if the lab hosts it. */
    public Optional<KmsRegions> find(String accountId) {
        return Optional.ofNullable(accounts.get(accountId));
    }

    /** The hosted accounts, home first. */
    public List<String> accountIds() {
        return List.copyOf(accounts.keySet());
    }

    /** Every account's Regions, home first. */
    public List<KmsRegions> all() {
        return List.copyOf(accounts.values());
    }

    /**
     * The engine whose key encrypted a KMS Lab ciphertext blob in {@code region}, looking in {@code preferred}'s
     * account first, as AWS finds the key from the blob alone; empty when no hosted account holds it (or the blob is
     * not one).
     */
    public Optional<KmsEngine> holderOfCiphertext(String region, byte[] blob, String preferred) {
        String keyId;
        try {
            keyId = CiphertextBlob.parse(blob).keyId();
        } catch (InvalidCiphertextException | IllegalArgumentException e) {
            return Optional.empty();
        }
        List<KmsRegions> order = new ArrayList<>();
        find(preferred).ifPresent(order::add);
        order.addAll(accounts.values());
        for (KmsRegions regions : order) {
            if (regions.simulates(region) && regions.engine(region).core().store.current().keys()
                    .containsKey(keyId)) {
                return Optional.of(regions.engine(region));
            }
        }
        return Optional.empty();
    }
}
