package dev.kmslab.server;

import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.error.AlreadyExistsException;
import dev.kmslab.engine.error.KmsException;
import dev.kmslab.engine.policy.Principal;
import java.util.ArrayList;
import java.util.List;

/**
 * The command-line side of the lab's IAM directory for {@code serve}: creates the roles and users asked for, and
 * checks that an access key is only issued to a principal the engine knows. An access key for a principal that does
 * not exist would authenticate and then be denied on every call with no hint why, so it is refused up front with
 * the option that creates it.
 */
final class LabIdentities {

    private LabIdentities() {
    }

    /**
     * Creates each role and user in the engine's account; one that already exists is kept as it is.
     *
     * @return one line per principal, saying whether it was created or already there
     * @throws IllegalArgumentException when a name is not a valid IAM name
     */
    static List<String> create(KmsEngine engine, List<String> accounts, List<String> roles, List<String> users) {
        List<String> report = new ArrayList<>();
        for (String value : roles) {
            String account = account(engine, accounts, "--create-role", value);
            String role = name(value);
            report.add(createOne("role", role, () -> engine.principals().createRole(account, role).arn(),
                    "arn:aws:iam::" + account + ":role/" + role));
        }
        for (String value : users) {
            String account = account(engine, accounts, "--create-user", value);
            String user = name(value);
            report.add(createOne("user", user, () -> engine.principals().createUser(account, user).arn(),
                    "arn:aws:iam::" + account + ":user/" + user));
        }
        return report;
    }

    /** As {@link #create(KmsEngine, List, List, List)}, in the engine's account only. */
    static List<String> create(KmsEngine engine, List<String> roles, List<String> users) {
        return create(engine, List.of(engine.account()), roles, users);
    }

    // "444455556666:alice" names the account; "alice" is the engine's own.
    private static String account(KmsEngine engine, List<String> accounts, String option, String value) {
        if (!ACCOUNT_PREFIX.matcher(value).find()) {
            return engine.account();
        }
        String account = value.substring(0, 12);
        if (!accounts.contains(account)) {
            throw new IllegalArgumentException(option + " " + value + ": account " + account + " is not a lab "
                    + "account (the lab has " + String.join(" and ", accounts) + ")");
        }
        return account;
    }

    private static String name(String value) {
        return ACCOUNT_PREFIX.matcher(value).find() ? value.substring(13) : value;
    }

    private static final java.util.regex.Pattern ACCOUNT_PREFIX = java.util.regex.Pattern.compile("^[0-9]{12}:");

    /**
     * Refuses an access key for a principal missing from {@code engine.principals()}. The account root of the
     * engine's account always exists.
     */
    static void requireKnown(KmsEngine engine, String principalArn) {
        if (principalArn.equals(Principal.rootArn(engine.account()))
                || engine.principals().find(principalArn).isPresent()) {
            return;
        }
        throw new IllegalArgumentException("cannot issue an access key for " + principalArn + ": no such principal "
                + "in the lab. Create it first with --create-role NAME or --create-user NAME (in account "
                + engine.account() + "), or in the app's IAM screen.");
    }

    private interface Creation {
        String run();
    }

    private static String createOne(String kind, String name, Creation creation, String arn) {
        try {
            return "  created " + kind + " " + creation.run();
        } catch (AlreadyExistsException e) {
            return "  " + kind + " " + arn + " already exists";
        } catch (KmsException e) {
            throw new IllegalArgumentException("cannot create " + kind + " '" + name + "': " + e.getMessage(), e);
        }
    }
}
