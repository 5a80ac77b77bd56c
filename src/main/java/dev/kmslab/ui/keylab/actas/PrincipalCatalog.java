package dev.kmslab.ui.keylab.actas;

import dev.kmslab.engine.KmsEngine;
import dev.kmslab.engine.LabPrincipals;
import dev.kmslab.engine.policy.IamRole;
import dev.kmslab.engine.policy.IamUser;
import java.util.ArrayList;
import java.util.List;

/**
 * Every principal of the lab's IAM directory as a chooser shows it: the engine's own account first (root, then roles
 * and users), then the other accounts. Reads the directory directly: these are lab operations, not KMS calls.
 */
public final class PrincipalCatalog {

    private PrincipalCatalog() {
    }

    public static List<PrincipalChoice> load(KmsEngine engine) {
        LabPrincipals dir = engine.principals();
        List<String> accounts = new ArrayList<>(dir.accounts());
        accounts.remove(engine.account());
        accounts.add(0, engine.account());
        List<PrincipalChoice> all = new ArrayList<>();
        for (String account : accounts) {
            boolean own = account.equals(engine.account());
            String where = own ? "" : " (account " + account + ")";
            all.add(new PrincipalChoice("arn:aws:iam::" + account + ":root", "root", account,
                    "Account root" + (own ? " (" + account + ")" : where),
                    own ? "The account itself: the default key policy gives it full access and delegates to IAM."
                            : "Another account's root: it needs the key policy to name it."));
            for (IamRole role : dir.roles(account)) {
                all.add(new PrincipalChoice(role.arn(), "role", account, "role/" + role.name() + where,
                        DemoPrincipals.describe(role.name(), own)));
            }
            for (IamUser user : dir.users(account)) {
                all.add(new PrincipalChoice(user.arn(), "user", account, "user/" + user.name() + where,
                        own ? "An IAM user of this account." : "An IAM user of another account."));
            }
        }
        return all;
    }
}
