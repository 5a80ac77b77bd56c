package dev.kmslab.engine.keys;

import dev.kmslab.engine.core.Arns;
import dev.kmslab.engine.core.Call;
import dev.kmslab.engine.core.EngineCore;
import dev.kmslab.engine.core.KeyIdForms;
import dev.kmslab.engine.core.Pages;
import dev.kmslab.engine.core.StateStore;
import dev.kmslab.engine.Validation;
import dev.kmslab.engine.error.AlreadyExistsException;
import dev.kmslab.engine.error.InvalidAliasNameException;
import dev.kmslab.engine.error.LimitExceededException;
import dev.kmslab.engine.error.NotFoundException;
import dev.kmslab.engine.error.ValidationException;
import dev.kmslab.engine.model.AliasListEntry;
import dev.kmslab.engine.model.ListAliasesRequest;
import dev.kmslab.engine.model.ListAliasesResult;
import dev.kmslab.engine.state.AliasRecord;
import dev.kmslab.engine.state.EngineState;
import dev.kmslab.engine.state.KeyRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * CreateAlias, UpdateAlias, DeleteAlias, ListAliases. Alias names start with {@code alias/}, use only
 * {@code [a-zA-Z0-9:/_-]}, are at most 256 characters, and may not start with the reserved {@code alias/aws/}.
 * A key may have at most 50 aliases.
 */
public final class AliasOperations {

    public static final Pattern ALIAS_PATTERN = Pattern.compile("^[a-zA-Z0-9:/_-]+$");
    public static final int MAX_ALIASES_PER_KEY = 50;

    private final EngineCore core;

    public AliasOperations(EngineCore core) {
        this.core = core;
    }

    public void createAlias(Call call, String aliasName, String targetKeyId) {
        validateName(aliasName);
        core.store.mutate(state -> {
            KeyRecord key = core.keyFor(call, state, "targetKeyId", targetKeyId, KeyIdForms.KEY_ONLY, null,
                    Map.of("kms:RequestAlias", aliasName));
            if (state.aliases().containsKey(aliasName)) {
                throw new AlreadyExistsException("An alias with the name "
                        + Arns.aliasArn(state.account(), state.region(), aliasName) + " already exists");
            }
            checkAliasLimit(state, key);
            AliasRecord alias = new AliasRecord(aliasName, key.keyId(), call.now, call.now);
            return new StateStore.Change<>(state.withAlias(alias), null);
        });
    }

    public void updateAlias(Call call, String aliasName, String targetKeyId) {
        validateName(aliasName);
        core.store.mutate(state -> {
            AliasRecord alias = existing(state, aliasName);
            KeyRecord current = state.keys().get(alias.targetKeyId());
            KeyRecord target = core.keyFor(call, state, "targetKeyId", targetKeyId, KeyIdForms.KEY_ONLY, null,
                    Map.of("kms:RequestAlias", aliasName));
            // UpdateAlias needs permission on the key the alias leaves as well as on the new target.
            core.gate.authorize(call, call.operation.action(), state, current, null,
                    Map.of("kms:RequestAlias", aliasName));
            if (current.keyUsage() != target.keyUsage() || current.keySpec() != target.keySpec()) {
                throw new ValidationException("The alias can only point to a key with the same key spec and key "
                        + "usage as its current key.");
            }
            if (!current.keyId().equals(target.keyId())) {
                checkAliasLimit(state, target);
            }
            AliasRecord moved = new AliasRecord(aliasName, target.keyId(), alias.creationDate(), call.now);
            return new StateStore.Change<>(state.withAlias(moved), null);
        });
    }

    public void deleteAlias(Call call, String aliasName) {
        validateName(aliasName);
        core.store.mutate(state -> {
            AliasRecord alias = existing(state, aliasName);
            KeyRecord key = state.keys().get(alias.targetKeyId());
            call.keyArn = key.arn();
            core.gate.authorize(call, call.operation.action(), state, key, null,
                    Map.of("kms:RequestAlias", aliasName));
            core.checkState(call, state, key);
            return new StateStore.Change<>(state.withoutAlias(aliasName), null);
        });
    }

    public ListAliasesResult listAliases(Call call, ListAliasesRequest request) {
        EngineState state = core.store.current();
        String onlyKeyId = null;
        if (request.keyId() != null) {
            onlyKeyId = core.keyFor(call, state, "keyId", request.keyId(), KeyIdForms.KEY_ONLY, null, null).keyId();
        } else {
            core.gate.authorize(call, call.operation.action(), state, null, null, null);
        }
        List<AliasListEntry> all = new ArrayList<>();
        for (AliasRecord alias : state.aliases().values()) {
            if (onlyKeyId == null || onlyKeyId.equals(alias.targetKeyId())) {
                all.add(new AliasListEntry(alias.aliasName(),
                        Arns.aliasArn(state.account(), state.region(), alias.aliasName()), alias.targetKeyId(),
                        alias.creationDate(), alias.lastUpdatedDate()));
            }
        }
        Pages.Page<AliasListEntry> page = Pages.slice("aliases", all, request.limit(), 50, 100, request.marker());
        return new ListAliasesResult(page.items(), page.nextMarker(), page.truncated());
    }

    private static AliasRecord existing(EngineState state, String aliasName) {
        AliasRecord alias = state.aliases().get(aliasName);
        if (alias == null) {
            throw new NotFoundException("Alias " + Arns.aliasArn(state.account(), state.region(), aliasName)
                    + " is not found.");
        }
        return alias;
    }

    private static void checkAliasLimit(EngineState state, KeyRecord key) {
        if (state.aliasesOf(key.keyId()).size() >= MAX_ALIASES_PER_KEY) {
            throw new LimitExceededException("The request was rejected because " + key.arn() + " already has "
                    + MAX_ALIASES_PER_KEY + " aliases, the most a KMS key can have.");
        }
    }

    public static void validateName(String aliasName) {
        Validation.required("aliasName", aliasName);
        Validation.length("aliasName", aliasName.length(), 1, 256);
        Validation.pattern("aliasName", aliasName, ALIAS_PATTERN);
        if (!aliasName.startsWith("alias/") || aliasName.length() == "alias/".length()) {
            throw new ValidationException("Alias must start with the prefix \"alias/\". Please see "
                    + "https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html");
        }
        if (aliasName.startsWith("alias/aws/")) {
            throw new InvalidAliasNameException("Alias names starting with alias/aws/ are reserved for AWS managed "
                    + "keys.");
        }
    }
}
