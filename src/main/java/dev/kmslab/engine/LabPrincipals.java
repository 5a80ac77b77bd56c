package dev.kmslab.engine;

import dev.kmslab.engine.core.StateStore;
import dev.kmslab.engine.error.NotFoundException;
import dev.kmslab.engine.error.ValidationException;
import dev.kmslab.engine.policy.AssumeRoleDecision;
import dev.kmslab.engine.policy.AssumeRoleEvaluator;
import dev.kmslab.engine.policy.AttachedPolicy;
import dev.kmslab.engine.policy.IamRole;
import dev.kmslab.engine.policy.IamUser;
import dev.kmslab.engine.policy.Principal;
import dev.kmslab.engine.policy.PrincipalDirectory;
import dev.kmslab.engine.policy.Principals;
import dev.kmslab.engine.state.AccessControl;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The lab's simulated IAM: accounts, users, roles and the identity policies attached to them. These are lab
 * operations, not KMS API calls: they take no caller, are not authorised and are not audited. Every change is
 * persisted with the keystore (and rolled back if saving fails), like any other engine change.
 *
 * <p>The engine's own account always exists. Callers act as {@code arn:aws:iam::<account>:root},
 * {@code arn:aws:iam::<account>:user/<name>}, {@code arn:aws:iam::<account>:role/<name>} or a session of a role,
 * {@code arn:aws:sts::<account>:assumed-role/<role>/<session>}. A malformed account id or name gives a
 * ValidationException.
 */
public final class LabPrincipals {

    private final StateStore store;
    /** Told of every change, so that linked Regions share one IAM (IAM is global in AWS, not per Region). */
    private volatile Consumer<PrincipalDirectory> onChange = directory -> { };

    LabPrincipals(StateStore store) {
        this.store = store;
    }

    void onChange(Consumer<PrincipalDirectory> listener) {
        this.onChange = listener;
    }

    /** Takes another Region's published directory as this Region's, without telling the listener. */
    void adopt(PrincipalDirectory directory) {
        store.mutate(state -> state.access().directory() == directory ? new StateStore.Change<>(state, null)
                : new StateStore.Change<>(state.withAccess(state.access().withDirectory(directory)), null));
    }

    /** The directory of the current snapshot (published, so never changed again). */
    PrincipalDirectory publishedDirectory() {
        return store.current().access().directory();
    }

    /** Adds an account (for cross-account labs); its root can then call. No-op if it exists. */
    public void addAccount(String accountId) {
        change(dir -> {
            dir.addAccount(accountId);
            return null;
        });
    }

    public List<String> accounts() {
        return directory().accounts();
    }

    /** Creates a user (and its account if new). @throws dev.kmslab.engine.error.AlreadyExistsException */
    public IamUser createUser(String accountId, String userName) {
        return change(dir -> dir.createUser(accountId, userName));
    }

    /** Creates a role (and its account if new). @throws dev.kmslab.engine.error.AlreadyExistsException */
    public IamRole createRole(String accountId, String roleName) {
        return change(dir -> dir.createRole(accountId, roleName));
    }

    public void deleteUser(String accountId, String userName) {
        change(dir -> {
            dir.deleteUser(accountId, userName);
            return null;
        });
    }

    public void deleteRole(String accountId, String roleName) {
        change(dir -> {
            dir.deleteRole(accountId, roleName);
            return null;
        });
    }

    /** @throws NotFoundException when the account does not exist */
    public List<IamUser> users(String accountId) {
        return read(dir -> dir.users(accountId));
    }

    /** @throws NotFoundException when the account does not exist */
    public List<IamRole> roles(String accountId) {
        return read(dir -> dir.roles(accountId));
    }

    /**
     * Attaches (or replaces) an inline identity policy on a user.
     *
     * @throws dev.kmslab.engine.policy.PolicyValidationException when the text is not a valid identity policy
     */
    public AttachedPolicy attachUserPolicy(String accountId, String userName, String policyName, String json) {
        return change(dir -> dir.attachPolicy(user(dir, accountId, userName), policyName, json));
    }

    /** As {@link #attachUserPolicy}, for a role (its sessions get the policy). */
    public AttachedPolicy attachRolePolicy(String accountId, String roleName, String policyName, String json) {
        return change(dir -> dir.attachPolicy(role(dir, accountId, roleName), policyName, json));
    }

    public void detachUserPolicy(String accountId, String userName, String policyName) {
        change(dir -> {
            dir.detachPolicy(user(dir, accountId, userName), policyName);
            return null;
        });
    }

    public void detachRolePolicy(String accountId, String roleName, String policyName) {
        change(dir -> {
            dir.detachPolicy(role(dir, accountId, roleName), policyName);
            return null;
        });
    }

    /**
     * Replaces a role's trust policy (AssumeRolePolicyDocument), which says who may assume it. A role starts with one
     * that trusts its own account ({@link PrincipalDirectory#defaultTrustPolicy}).
     *
     * @throws dev.kmslab.engine.policy.PolicyValidationException when the text is not a valid trust policy
     */
    public void setTrustPolicy(String accountId, String roleName, String json) {
        change(dir -> dir.setTrustPolicy(role(dir, accountId, roleName), json));
    }

    /** The role's trust policy as JSON text. */
    public String trustPolicy(String accountId, String roleName) {
        return read(dir -> dir.trustPolicy(role(dir, accountId, roleName)).source());
    }

    /** Sets the role's MaxSessionDuration, 3600 to 43200 seconds (ValidationException outside). */
    public void setMaxSessionDuration(String accountId, String roleName, int seconds) {
        change(dir -> {
            dir.setMaxSessionDuration(role(dir, accountId, roleName), seconds);
            return null;
        });
    }

    /** The role's MaxSessionDuration in seconds (3600 unless set). */
    public int maxSessionDuration(String accountId, String roleName) {
        return read(dir -> dir.maxSessionDuration(role(dir, accountId, roleName)));
    }

    /**
     * Whether {@code callerArn} may assume {@code roleArn} under {@code sessionName}, decided by the role's trust
     * policy and the caller's identity policies (see {@link AssumeRoleEvaluator}). A lab operation: not audited.
     *
     * @throws NotFoundException   when the role does not exist
     * @throws ValidationException when the role ARN or session name is malformed
     */
    public AssumeRoleDecision authorizeAssumeRole(String callerArn, String roleArn, String sessionName,
                                                  String externalId) {
        return read(dir -> {
            Principal named = Principals.parse(roleArn);
            if (!(named instanceof IamRole wanted)) {
                throw new IllegalArgumentException(roleArn + " is not a role ARN");
            }
            IamRole role = dir.findRole(wanted.accountId(), wanted.name()).orElseThrow(() -> new NotFoundException(
                    "Role " + roleArn + " does not exist in the lab's IAM directory"));
            wanted.session(sessionName); // validates the session name
            Optional<Principal> caller = dir.resolve(callerArn);
            if (caller.isEmpty()) {
                return new AssumeRoleDecision(false, null, "User: " + callerArn + " is not authorized to perform: "
                        + "sts:AssumeRole on resource: " + roleArn + " because the caller does not exist in this "
                        + "lab's IAM directory");
            }
            return AssumeRoleEvaluator.evaluate(caller.get(), dir.identityPolicies(caller.get()), role,
                    dir.trustPolicy(role), sessionName, externalId);
        });
    }

    /** The identity policies that apply to a caller ARN (a session gets its role's); empty for roots and services. */
    public List<AttachedPolicy> policiesOf(String principalArn) {
        AccessControl.Identity identity = store.current().access().identity(principalArn);
        return identity.identityPolicies();
    }

    /** The principal an ARN names, if the directory knows it. */
    public Optional<Principal> find(String principalArn) {
        return Optional.ofNullable(store.current().access().identity(principalArn).principal());
    }

    private PrincipalDirectory directory() {
        return store.current().access().directory();
    }

    private static IamUser user(PrincipalDirectory dir, String accountId, String name) {
        return dir.findUser(accountId, name).orElseThrow(() -> new NotFoundException("No user " + name
                + " in account " + accountId));
    }

    private static IamRole role(PrincipalDirectory dir, String accountId, String name) {
        return dir.findRole(accountId, name).orElseThrow(() -> new NotFoundException("No role " + name
                + " in account " + accountId));
    }

    private <T> T read(Function<PrincipalDirectory, T> query) {
        try {
            return query.apply(directory());
        } catch (IllegalArgumentException e) {
            throw new ValidationException(e.getMessage());
        }
    }

    /** Applies a change to a private copy of the directory and publishes it with the next snapshot. */
    private <T> T change(Function<PrincipalDirectory, T> edit) {
        try {
            T outcome = store.mutate(state -> {
                PrincipalDirectory copy = state.access().directoryCopy();
                T result = edit.apply(copy);
                return new StateStore.Change<>(state.withAccess(state.access().withDirectory(copy)), result);
            });
            onChange.accept(publishedDirectory());
            return outcome;
        } catch (IllegalArgumentException e) {
            throw new ValidationException(e.getMessage());
        }
    }
}
