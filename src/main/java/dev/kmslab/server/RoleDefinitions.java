package dev.kmslab.server;

import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.error.AlreadyExistsException;
import dev.kmslab.engine.error.KmsException;
import dev.kmslab.engine.policy.PolicyValidationException;
import dev.kmslab.engine.policy.Principal;
import dev.kmslab.engine.policy.Principals;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code serve}'s roles and identity policies from files, through the same IAM directory the app's IAM screen uses:
 * <ul>
 *   <li>{@code --role [ACCOUNT:]NAME=TRUST_POLICY.json}: creates the role in the lab account (the home account when
 *       none is given) unless it exists, then sets its trust policy (who may assume it) from the file;</li>
 *   <li>{@code --attach-policy PRINCIPAL_ARN=POLICY.json}: attaches (or replaces) an inline identity policy on a lab
 *       user or role, named after the file ({@code allow-assume.json} → {@code allow-assume}).</li>
 * </ul>
 * Both are checked before the endpoint listens: an unreadable file, JSON that does not parse, or a policy that does not
 * validate stops {@code serve} with the option, the file, the line and column and the field at fault.
 */
final class RoleDefinitions {

    private static final Pattern ROLE = Pattern.compile("^(?:([0-9]{12}):)?([^=:]+)=(.+)$");

    /** A {@code --role} value: the account (null for the home account), the role name, the trust policy file. */
    record RoleSpec(String account, String name, Path file) {

        static RoleSpec parse(String value) {
            Matcher m = ROLE.matcher(value);
            if (!m.matches()) {
                throw new IllegalArgumentException("--role needs [ACCOUNT:]NAME=TRUST_POLICY_FILE, for example "
                        + "--role 111122223333:Ops=ops-trust.json; got '" + value + "'");
            }
            return new RoleSpec(m.group(1), m.group(2), Path.of(m.group(3)));
        }
    }

    /** An {@code --attach-policy} value: the principal and the identity policy file. */
    record PolicySpec(String principalArn, Path file) {

        static PolicySpec parse(String value) {
            int eq = value.indexOf('=');
            if (eq <= 0 || eq == value.length() - 1) {
                throw new IllegalArgumentException("--attach-policy needs PRINCIPAL_ARN=POLICY_FILE, for example "
                        + "--attach-policy arn:aws:iam::111122223333:user/alice=allow-assume.json; got '" + value
                        + "'");
            }
            return new PolicySpec(value.substring(0, eq), Path.of(value.substring(eq + 1)));
        }

        String policyName() {
            String name = file.getFileName().toString();
            return name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
        }
    }

    private RoleDefinitions() {
    }

    /**
     * Creates the roles and sets their trust policies, then attaches the identity policies.
     *
     * @param accounts the lab's accounts, home first
     * @return one line per role and policy, saying what was done
     * @throws IllegalArgumentException naming the option, file, line, column and field of the first problem
     */
    static List<String> apply(KmsEngine engine, List<String> accounts, List<RoleSpec> roles,
                              List<PolicySpec> policies) {
        List<String> report = new ArrayList<>();
        for (RoleSpec spec : roles) {
            String account = spec.account() == null ? engine.account() : spec.account();
            String option = "--role " + (spec.account() == null ? "" : spec.account() + ":") + spec.name() + "="
                    + spec.file();
            if (!accounts.contains(account)) {
                throw new IllegalArgumentException(option + ": account " + account + " is not a lab account (the "
                        + "lab has " + String.join(" and ", accounts) + ")");
            }
            String json = read(option, spec.file(), "trust policy");
            String arn = "arn:aws:iam::" + account + ":role/" + spec.name();
            boolean created;
            try {
                engine.principals().createRole(account, spec.name());
                created = true;
            } catch (AlreadyExistsException e) {
                created = false;
            } catch (KmsException e) {
                throw new IllegalArgumentException(option + ": cannot create role '" + spec.name() + "': "
                        + e.getMessage(), e);
            }
            try {
                engine.principals().setTrustPolicy(account, spec.name(), json);
            } catch (PolicyValidationException e) {
                if (created) {
                    engine.principals().deleteRole(account, spec.name());
                }
                throw invalid(option, spec.file(), "trust policy", e);
            }
            report.add("  " + (created ? "created role " : "role ") + arn + (created ? " with" : ": set")
                    + " trust policy from " + spec.file());
        }
        for (PolicySpec spec : policies) {
            String option = "--attach-policy " + spec.principalArn() + "=" + spec.file();
            Principal principal = Principals.tryParse(spec.principalArn()).orElse(null);
            if (principal == null || engine.principals().find(spec.principalArn()).isEmpty()) {
                throw new IllegalArgumentException(option + ": " + spec.principalArn() + " is not a user or role "
                        + "of the lab; create it first with --create-user, --create-role or --role");
            }
            String json = read(option, spec.file(), "identity policy");
            String kind = spec.principalArn().contains(":role/") ? "role" : "user";
            String name = spec.principalArn().substring(spec.principalArn().lastIndexOf('/') + 1);
            try {
                if (kind.equals("role")) {
                    engine.principals().attachRolePolicy(principal.accountId(), name, spec.policyName(), json);
                } else {
                    engine.principals().attachUserPolicy(principal.accountId(), name, spec.policyName(), json);
                }
            } catch (PolicyValidationException e) {
                throw invalid(option, spec.file(), "identity policy", e);
            } catch (KmsException e) {
                throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
            }
            report.add("  attached policy " + spec.policyName() + " from " + spec.file() + " to "
                    + spec.principalArn());
        }
        return report;
    }

    private static String read(String option, Path file, String what) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(option + ": " + what + " file " + file + " does not exist", e);
        } catch (MalformedInputException e) {
            throw new IllegalArgumentException(option + ": " + what + " file " + file + " is not UTF-8 text", e);
        } catch (IOException e) {
            throw new IllegalArgumentException(option + ": cannot read " + what + " file " + file + ": "
                    + e.getMessage(), e);
        }
    }

    private static IllegalArgumentException invalid(String option, Path file, String what,
                                                    PolicyValidationException e) {
        String field = e.path().isEmpty() ? "" : ", field " + e.path();
        return new IllegalArgumentException(option + ": " + file + " line " + e.line() + ", column " + e.column()
                + field + ": not a valid " + what + ": " + e.reason(), e);
    }
}
