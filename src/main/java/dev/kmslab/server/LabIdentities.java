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
    static List<String> create(KmsEngine engine, List<String> roles, List<String> users) {
        List<String> report = new ArrayList<>();
        for (String role : roles) {
            report.add(createOne("role", role, () -> engine.principals().createRole(engine.account(), role).arn(),
                    "arn:aws:iam::" + engine.account() + ":role/" + role));
        }
        for (String user : users) {
            report.add(createOne("user", user, () -> engine.principals().createUser(engine.account(), user).arn(),
                    "arn:aws:iam::" + engine.account() + ":user/" + user));
        }
        return report;
    }

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
