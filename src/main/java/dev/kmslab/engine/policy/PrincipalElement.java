package dev.kmslab.engine.policy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A statement's Principal or NotPrincipal element, compiled for lookup: the ARNs it names directly, the accounts it
 * names (by root ARN or account id), the service principals, or {@code *}.
 */
public final class PrincipalElement {

    private final boolean negated;
    private final boolean wildcard;
    private final List<String> aws;
    private final List<String> services;
    private final SourcePosition position;
    private final Set<String> arns = new HashSet<>();
    private final Set<String> accounts = new HashSet<>();
    private final Set<String> serviceSet;

    /**
     * @param aws      the values of the AWS key: {@code *}, account ids or principal ARNs, already validated
     * @param services the values of the Service key
     */
    public PrincipalElement(boolean negated, boolean wildcard, List<String> aws, List<String> services,
                            SourcePosition position) {
        this.negated = negated;
        this.aws = List.copyOf(aws);
        this.services = List.copyOf(services);
        this.position = position;
        this.serviceSet = Set.copyOf(services);
        boolean any = wildcard;
        for (String value : this.aws) {
            if ("*".equals(value)) {
                any = true;
                continue;
            }
            Principal p = Principals.parse(value);
            if (p instanceof AccountRoot root) {
                accounts.add(root.accountId());
            } else {
                arns.add(p.arn());
            }
        }
        this.wildcard = any;
    }

    /** {@code "Principal": "*"}. */
    public static PrincipalElement anyone(boolean negated, SourcePosition position) {
        return new PrincipalElement(negated, true, List.of(), List.of(), position);
    }

    public boolean negated() {
        return negated;
    }

    public boolean wildcard() {
        return wildcard;
    }

    public List<String> aws() {
        return aws;
    }

    public List<String> services() {
        return services;
    }

    public SourcePosition position() {
        return position;
    }

    /** True when the element names the account root (or account id) of {@code accountId}. */
    public boolean namesAccount(String accountId) {
        return accountId != null && accounts.contains(accountId);
    }

    /**
     * How this element applies to the caller. NotPrincipal applies to everyone it does not exempt, and, as the IAM
     * guide describes, AWS checks each level of the caller's identity (account, then user or role, then session):
     * the caller is exempt only when its account is listed as well as its own ARN (for a session, its ARN or its
     * role's). Listing just a role therefore still denies the role's sessions.
     */
    public PrincipalMatch match(Principal caller) {
        return match(caller, caller.policyArns());
    }

    /** As {@link #match(Principal)}, with the caller's policy ARNs computed once per evaluation. */
    PrincipalMatch match(Principal caller, List<String> callerArns) {
        if (!negated) {
            return listed(caller, callerArns);
        }
        return exempt(caller, callerArns) ? PrincipalMatch.NONE : PrincipalMatch.DIRECT;
    }

    private boolean exempt(Principal caller, List<String> names) {
        if (wildcard) {
            return true;
        }
        if (caller instanceof ServicePrincipal service) {
            return serviceSet.contains(service.service());
        }
        if (caller.accountId() == null || !accounts.contains(caller.accountId())) {
            return false;
        }
        if (caller instanceof AccountRoot) {
            return true;
        }
        for (int i = 0; i < names.size(); i++) {
            if (arns.contains(names.get(i))) {
                return true;
            }
        }
        return false;
    }

    private PrincipalMatch listed(Principal caller, List<String> names) {
        if (wildcard) {
            return PrincipalMatch.DIRECT;
        }
        if (caller instanceof ServicePrincipal service) {
            return serviceSet.contains(service.service()) ? PrincipalMatch.DIRECT : PrincipalMatch.NONE;
        }
        for (int i = 0; i < names.size(); i++) {
            if (arns.contains(names.get(i))) {
                return PrincipalMatch.DIRECT;
            }
        }
        String account = caller.accountId();
        if (account != null && accounts.contains(account)) {
            return caller instanceof AccountRoot ? PrincipalMatch.DIRECT : PrincipalMatch.ACCOUNT;
        }
        return PrincipalMatch.NONE;
    }

    /** The element as a learner would read it, e.g. {@code Principal AWS [arn:aws:iam::111122223333:root]}. */
    public String describe() {
        String name = negated ? "NotPrincipal" : "Principal";
        if (wildcard && aws.isEmpty() && services.isEmpty()) {
            return name + " *";
        }
        StringBuilder text = new StringBuilder(name);
        if (!aws.isEmpty()) {
            text.append(" AWS ").append(aws);
        }
        if (!services.isEmpty()) {
            text.append(" Service ").append(services);
        }
        return text.toString();
    }
}
